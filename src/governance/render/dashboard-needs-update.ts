import { parseTime } from "../policy/parse-time.js";
import { contentHash } from "./content-hash.js";
import { LAST_SWEEP_END, LAST_SWEEP_START } from "./dashboard-markers.js";

const LAST_SWEEP = new RegExp(`${LAST_SWEEP_START}Last sweep: ([^<]*)${LAST_SWEEP_END}`);

/**
 * `sha256:` of the dashboard body without its last-sweep line: the "last sweep time" changes every
 * sweep and must not, alone, make the app rewrite the issue.
 */
export function dashboardContentHash(body: string): string {
  return contentHash(body.replace(/\r\n/g, "\n").replace(LAST_SWEEP, ""));
}

/**
 * Whether a sweep should write its freshly rendered dashboard over the current one. The choice we
 * made: rewrite when anything but the last-sweep line changed (ticked boxes included, which this
 * unticks), and otherwise only once the shown sweep time is `heartbeatHours` old, so the line
 * stays roughly true without an edit per sweep. Body edits notify nobody, but they do churn the
 * issue's history.
 */
export function dashboardNeedsUpdate(
  currentBody: string | null | undefined,
  renderedBody: string,
  heartbeatHours = 24,
): boolean {
  if (!currentBody) return true;
  if (dashboardContentHash(currentBody) !== dashboardContentHash(renderedBody)) return true;
  const shown = lastSweep(currentBody);
  const fresh = lastSweep(renderedBody);
  if (shown === null || fresh === null) return shown !== fresh;
  return fresh - shown >= heartbeatHours * 3_600_000;
}

function lastSweep(body: string): number | null {
  const text = LAST_SWEEP.exec(body)?.[1];
  // Rendered as `2026-03-01 14:05 UTC`.
  return text ? parseTime(text.replace(" UTC", "Z").replace(" ", "T")) : null;
}
