/** What the sweep knows about the issue it filed earlier for one key and kind. */
export interface ExistingIssue {
  state: "open" | "closed";
  /** `issueContentHash` of what was last written; null when unknown (store lost): it is rewritten once. */
  hash: string | null;
}

export type IssueAction = "create" | "update" | "reopen" | "close" | "none";

/**
 * The one decision per key and kind, so a sweep never duplicates an issue and never rewrites one
 * that did not change (no notification churn). `desiredHash` is `issueContentHash` of the rendered
 * issue, or null when the key is within policy for this kind. A snoozed key gets no new or
 * reopened issue until the snooze ends, but an open issue is still kept accurate or closed.
 * `reopen` also means "write the new content" when the hash differs.
 */
export function planIssueAction(
  desiredHash: string | null,
  existing: ExistingIssue | null,
  options: { snoozed?: boolean } = {},
): IssueAction {
  if (desiredHash === null) return existing?.state === "open" ? "close" : "none";
  if (!existing) return options.snoozed ? "none" : "create";
  if (existing.state === "closed") return options.snoozed ? "none" : "reopen";
  return existing.hash === desiredHash ? "none" : "update";
}
