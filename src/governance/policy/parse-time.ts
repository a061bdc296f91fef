export const DAY_MS = 86_400_000;

/** Milliseconds since the epoch, or null for a missing or unparsable time (treated as absent). */
export function parseTime(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}
