import { parseIncidentMarker } from "../act/render/render-incident-issue.js";
import { isDashboardBody } from "../governance/render/dashboard-markers.js";
import { parseIssueMarker } from "../governance/render/issue-marker.js";
import type { GovernanceKind } from "../governance/policy/types.js";

/** What a comment's thread is about, as far as commands care. */
export type CommandTarget =
  | { place: "pull_request" }
  | { place: "incident"; fingerprint: string }
  | { place: "governance_issue"; keyId: string; kind: GovernanceKind }
  | { place: "dashboard" };

export interface ThreadInfo {
  body: string | null | undefined;
  /** The thread's author type: markers count only in threads a bot opened. */
  userType: string | null | undefined;
  isPullRequest: boolean;
}

/**
 * Where a command was written: any pull request, or one of the app's own issues (a leak incident,
 * a governance issue, the dashboard), told apart by their hidden markers. Null for any other issue:
 * the app does not answer there. A person's issue carrying a copied marker is not the app's.
 */
export function commandTarget(thread: ThreadInfo): CommandTarget | null {
  if (thread.isPullRequest) return { place: "pull_request" };
  if (thread.userType !== "Bot") return null;
  const fingerprint = parseIncidentMarker(thread.body);
  if (fingerprint) return { place: "incident", fingerprint };
  const marker = parseIssueMarker(thread.body);
  if (marker) return { place: "governance_issue", keyId: marker.keyId, kind: marker.kind };
  return isDashboardBody(thread.body) ? { place: "dashboard" } : null;
}
