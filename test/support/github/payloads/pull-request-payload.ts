import { issueRecord } from "../pull-requests.js";
import { pullJson } from "../shapes-pulls.js";
import type { StandInState } from "../stand-in-state.js";
import type { RepoRecord } from "../stand-in-types.js";
import { payloadEnvelope } from "./payload-common.js";

export interface PullRequestPayloadOptions {
  /** Default: the PR's author. */
  sender?: string;
  /** For `synchronize`: the previous and new head. */
  before?: string;
  after?: string;
  /** For `edited`: `{ title: { from }, body: { from } }`. */
  changes?: Record<string, { from: string | null }>;
}

/** A `pull_request` webhook payload built from the PR as the stand-in holds it now. */
export async function pullRequestPayload(
  state: StandInState,
  repo: RepoRecord,
  number: number,
  action: string,
  options: PullRequestPayloadOptions = {},
): Promise<Record<string, unknown>> {
  const issue = issueRecord(state, repo.fullName, number);
  if (!issue.pull)
    throw new Error(`#${number} in ${repo.fullName} is an issue. To resolve, pass a pull request number.`);
  const pull = await pullJson(state, repo, issue);
  const payload: Record<string, unknown> = { action, number, pull_request: pull };
  if (options.before !== undefined) payload.before = options.before;
  if (action === "synchronize") payload.after = options.after ?? issue.pull.headSha;
  if (options.changes) payload.changes = options.changes;
  return { ...payload, ...payloadEnvelope(state, repo, options.sender ?? issue.user.login) };
}
