import { issueRecord } from "../pull-requests.js";
import { issueJson, labelJson } from "../shapes-issues.js";
import type { StandInState } from "../stand-in-state.js";
import type { RepoRecord } from "../stand-in-types.js";
import { payloadEnvelope } from "./payload-common.js";

export interface IssuesPayloadOptions {
  /** Default: the issue's author. */
  sender?: string;
  /** For `labeled`/`unlabeled`. */
  label?: string;
  /** For `edited`: `{ title: { from }, body: { from } }`. */
  changes?: Record<string, { from: string | null }>;
}

/** An `issues` webhook payload for an issue as the stand-in holds it now. */
export function issuesPayload(
  state: StandInState,
  repo: RepoRecord,
  number: number,
  action: string,
  options: IssuesPayloadOptions = {},
): Record<string, unknown> {
  const issue = issueRecord(state, repo.fullName, number);
  const payload: Record<string, unknown> = { action, issue: issueJson(state, repo, issue) };
  if (options.label) {
    const label = repo.labels.get(options.label.toLowerCase());
    if (label) payload.label = labelJson(state, repo, label);
  }
  if (options.changes) payload.changes = options.changes;
  return { ...payload, ...payloadEnvelope(state, repo, options.sender ?? issue.user.login) };
}
