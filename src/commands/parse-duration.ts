const HOUR_MS = 3_600_000;
const UNIT_MS = { h: HOUR_MS, d: 24 * HOUR_MS, w: 7 * 24 * HOUR_MS } as const;

const DURATION = /^(\d{1,4})\s*(h|hrs?|hours?|d|days?|w|wks?|weeks?)(?=\s|$)/i;

export interface ParsedDuration {
  /** Normalised, e.g. `7d`. */
  text: string;
  ms: number;
  /** What follows the duration, trimmed. */
  rest: string;
}

/** A duration at the start of `text`: `12h`, `7d`, `2w`, also `7 days`, `2 weeks`. Null if none. */
export function parseDuration(text: string): ParsedDuration | null {
  const m = DURATION.exec(text.trim());
  if (!m) return null;
  const unit = m[2][0].toLowerCase() as keyof typeof UNIT_MS;
  const n = Number(m[1]);
  return { text: `${n}${unit}`, ms: n * UNIT_MS[unit], rest: text.trim().slice(m[0].length).trim() };
}
