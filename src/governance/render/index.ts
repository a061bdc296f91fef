// Rendering of governance issues, comments and the dashboard: plain data in, Markdown out.
export { issueContentHash } from "./issue-content-hash.js";
export type { RenderedIssue } from "./rendered-issue.js";
export { issueMarker, parseIssueMarker, type IssueMarker } from "./issue-marker.js";
export { issueLabels, dashboardLabels, severityLabel, isManagedLabel } from "./issue-labels.js";
export { renderKeyIssue, renderKeyIssues, type KeyIssueContext } from "./render-key-issue.js";
export { renderCloseComment } from "./render-close-comment.js";
export { renderReopenComment } from "./render-reopen-comment.js";
export { findingHeadline } from "./finding-headline.js";
export {
  renderDashboard,
  SNOOZE_DAYS,
  DASHBOARD_MAX_CHARS,
  type DashboardView,
  type DashboardKey,
  type IncidentRef,
} from "./render-dashboard.js";
export type { IssueRef } from "./render-dashboard-key-line.js";
export { DASHBOARD_MARKER, isDashboardBody } from "./dashboard-markers.js";
export { formatDate, formatDateTime } from "./format-date.js";
export { parseDashboardChecks, type DashboardAction } from "./parse-dashboard-checks.js";
export { untickDashboard } from "./untick-dashboard.js";
export { dashboardContentHash, dashboardNeedsUpdate } from "./dashboard-needs-update.js";
