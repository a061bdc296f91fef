import { DAY_MS, parseTime } from "../policy/parse-time.js";

const BUCKETS: ReadonlyArray<[maxDays: number, text: string]> = [
  [7, "less than a week ago"],
  [30, "1–4 weeks ago"],
  [90, "1–3 months ago"],
  [180, "3–6 months ago"],
  [365, "6–12 months ago"],
];

/**
 * A coarse relative age ("3–6 months ago"). Exact day counts would change every body every day
 * and make each sweep rewrite every issue; these buckets change a handful of times in a key's life.
 */
export function ageBucket(iso: string | null | undefined, now: Date): string | null {
  const ms = parseTime(iso);
  if (ms === null) return null;
  const days = (now.getTime() - ms) / DAY_MS;
  if (days < 0) return "in the future";
  for (const [maxDays, text] of BUCKETS) if (days < maxDays) return text;
  return "over a year ago";
}
