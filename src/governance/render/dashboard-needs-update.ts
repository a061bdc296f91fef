import { parseTime } from "../policy/parse-time.js";
import { LAST_SWEEP_END, LAST_SWEEP_START } from "./dashboard-markers.js";
import { issueContentHash } from "./issue-content-hash.js";
import type { RenderedIssue } from "./rendered-issue.js";

const LAST_SWEEP = new RegExp(`${LAST_SWEEP_START}Last sweep: ([^<]*)${LAST_SWEEP_END}`);

/**
 * `issueContentHash` of the dashboard without its last-sweep line: the "last sweep time" changes
 * every sweep and must not, alone, make the app rewrite the issue.
 */
export function dashboardContentHash(dashboard: Pick<RenderedIssue, "title" | "body" | "labels">): string {
  return issueContentHash({ ...dashboard, body: withoutLastSweep(dashboard.body) });
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
  if (withoutLastSweep(currentBody) !== withoutLastSweep(renderedBody)) return true;
  const shown = lastSweep(currentBody);
  const fresh = lastSweep(renderedBody);
  if (shown === null || fresh === null) return shown !== fresh;
  return fresh - shown >= heartbeatHours * 3_600_000;
}

/** The body as compared: LF line ends (GitHub may return CRLF), and no last-sweep line. */
function withoutLastSweep(body: string): string {
  return body.replace(/\r\n/g, "\n").replace(LAST_SWEEP, "");
}

function lastSweep(body: string): number | null {
  const text = LAST_SWEEP.exec(body)?.[1];
  // Rendered as `2026-03-01 14:05 UTC`.
  return text ? parseTime(text.replace(" UTC", "Z").replace(" ", "T")) : null;
}
