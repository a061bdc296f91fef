import { issueRecord, repoRecord } from "./pull-requests.js";
import type { RepoHandle } from "./repo-handle.js";
import { checkRunJson } from "./shapes-checks.js";
import { commentJson, issueJson, labelJson } from "./shapes-issues.js";
import { reviewCommentJson, reviewJson } from "./shapes-pulls.js";
import type { StandInState } from "./stand-in-state.js";

// What the app did, in GitHub's JSON shapes, for assertions.

type RepoRef = RepoHandle | string;

/** Issues only (pull requests excluded), oldest first. */
export function issuesView(state: StandInState, repo: RepoRef): Record<string, unknown>[] {
  const record = repoRecord(state, repo);
  return [...record.issues.values()].filter((i) => !i.pull).map((i) => issueJson(state, record, i));
}

export function commentsView(state: StandInState, repo: RepoRef, number: number): Record<string, unknown>[] {
  const record = repoRecord(state, repo);
  return issueRecord(state, repo, number).comments.map((c) => commentJson(state, record, c));
}

/** Check runs with every annotation sent to them (`annotations`), oldest first. */
export function checkRunsView(
  state: StandInState,
  repo: RepoRef,
): (Record<string, unknown> & { annotations: unknown[] })[] {
  const record = repoRecord(state, repo);
  return [...state.checkRuns.values()]
    .filter((r) => r.repo === record)
    .map((r) => ({ ...checkRunJson(state, r), annotations: [...r.annotations] }));
}

/** Reviews with their inline comments (`comments`). */
export function reviewsView(
  state: StandInState,
  repo: RepoRef,
  number: number,
): (Record<string, unknown> & { comments: Record<string, unknown>[] })[] {
  const record = repoRecord(state, repo);
  const pull = issueRecord(state, repo, number).pull;
  return (pull?.reviews ?? []).map((r) => ({
    ...reviewJson(state, record, number, r),
    comments: r.comments.map((c) => reviewCommentJson(state, record, number, c)),
  }));
}

export function labelsView(state: StandInState, repo: RepoRef): Record<string, unknown>[] {
  const record = repoRecord(state, repo);
  return [...record.labels.values()].map((l) => labelJson(state, record, l));
}
