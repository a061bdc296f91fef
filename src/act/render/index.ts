// What the rest of the app calls to render its GitHub output. Pure: data in, strings out.
// Besides the escaping helpers (report/markdown.ts), each renderer passes its whole output through
// `redactKeys`: the last line of defence, so a key that reached a free-text field (an error message,
// a key name, a path) prints as its redacted form.
export * from "./model.js";
export {
  renderCheckRun,
  CHECK_RUN_NAME,
  type CheckRunAnnotation,
  type CheckRunOptions,
  type RenderedCheckRun,
} from "./render-check-run.js";
export { chunkAnnotations } from "./chunk-annotations.js";
export { renderPrComment, PR_COMMENT_MARKER, hasMarker } from "./render-pr-comment.js";
export {
  suggestReplacement,
  planSuggestion,
  renderReviewComment,
  type SuggestionInput,
  type Suggestion,
  type ReviewCommentInput,
  type RenderedReviewComment,
} from "./render-suggestion.js";
export {
  renderIncidentIssue,
  incidentMarker,
  parseIncidentMarker,
  type RenderedIncidentIssue,
  type IncidentIssueOptions,
} from "./render-incident-issue.js";
export { renderRemediationSteps } from "./render-remediation-steps.js";
export { formatDuration, formatTimestamp, durationBetween } from "./render-time.js";
export {
  groupIncidentLocations,
  type FindingSummary,
  type IncidentGroup,
} from "./group-incident-locations.js";
export { lifecycleStage, overallStage, isKeyNeutralised, type LifecycleStage } from "./lifecycle-stage.js";
export { detectLanguage, type Language } from "./detect-language.js";
