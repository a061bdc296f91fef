import type { KeyRecord } from "../../moltbook/types.js";
import { DAY_MS, parseTime } from "../policy/parse-time.js";
import { ageBucket } from "./age-bucket.js";
import { formatDate } from "./format-date.js";

/**
 * "never", "within the last 30 days", or the date of a use older than that. A key in daily use
 * would otherwise change its issue every day; a date appears only once the key sits idle, and then
 * it stays put.
 */
export function describeLastUsed(
  key: Pick<KeyRecord, "last_used_at">,
  windowDays: number,
  now: Date,
): string {
  const used = parseTime(key.last_used_at);
  if (used === null) return "never";
  if (now.getTime() - used <= windowDays * DAY_MS) return `within the last ${windowDays} days`;
  return `${formatDate(key.last_used_at)} (${ageBucket(key.last_used_at, now)})`;
}
