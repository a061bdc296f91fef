// Times as people read them in comments: short durations and unambiguous UTC timestamps.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "850 ms", "1.2 s", "42 s", "3 min", "5 h", "3 days". Negative durations (clock skew) read as 0 ms. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "0 ms";
  // Round in the unit first, so 999.7 ms becomes "1.0 s" rather than "1000 ms".
  if (Math.round(ms) < SECOND) return `${Math.round(ms)} ms`;
  if (Math.round(ms / 100) < 100) return `${(Math.round(ms / 100) / 10).toFixed(1)} s`;
  if (Math.round(ms / SECOND) < 60) return `${Math.round(ms / SECOND)} s`;
  if (Math.round(ms / MINUTE) < 60) return `${Math.round(ms / MINUTE)} min`;
  if (Math.round(ms / HOUR) < 48) return `${Math.round(ms / HOUR)} h`;
  return `${Math.round(ms / DAY)} days`;
}

/** "2026-11-29 01:02:03 UTC"; an unreadable time renders as "an unknown time" rather than failing a comment. */
export function formatTimestamp(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return "an unknown time";
  return `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** Milliseconds from `startIso` to `endIso`, or undefined when either is missing or unreadable. */
export function durationBetween(
  startIso: string | undefined,
  endIso: string | undefined,
): number | undefined {
  if (startIso === undefined || endIso === undefined) return undefined;
  const start = Date.parse(startIso);
  const end = Date.parse(endIso);
  if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
  return end - start;
}
