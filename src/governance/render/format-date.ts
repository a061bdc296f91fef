import { parseTime } from "../policy/parse-time.js";

/** `2026-03-01` (UTC): dates, not times, so a body changes only when a fact changes. */
export function formatDate(iso: string | null | undefined): string {
  const ms = parseTime(iso);
  return ms === null ? "unknown" : new Date(ms).toISOString().slice(0, 10);
}

/** `2026-03-01 14:05 UTC`, for the dashboard's last sweep time only. */
export function formatDateTime(iso: string | null | undefined): string {
  const ms = parseTime(iso);
  return ms === null ? "unknown" : `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
