import { branchSha } from "./git-objects.js";
import { pullDiff } from "./pull-requests.js";
import { authorAssociation, repoJson, userJson } from "./shapes-common.js";
import { diffStats } from "./shapes-git.js";
import { issueJson } from "./shapes-issues.js";
import type { StandInState } from "./stand-in-state.js";
import type { IssueRecord, RepoRecord, ReviewCommentRecord, ReviewRecord } from "./stand-in-types.js";

/**
 * A pull request as `GET /pulls/:n` and webhooks carry it. `full` adds the counts that only the
 * single-PR endpoint has (commits, additions, deletions, changed_files), which cost a diff.
 */
export async function pullJson(
  state: StandInState,
  repo: RepoRecord,
  issue: IssueRecord,
  full = true,
): Promise<Record<string, unknown>> {
  const pull = issue.pull!;
  const api = `${state.apiUrl}/repos/${repo.fullName}`;
  const html = `${state.url}/${repo.fullName}/pull/${issue.number}`;
  const asIssue = issueJson(state, repo, issue);
  const diff = full ? await pullDiff(repo, issue.number) : null;
  const baseSha = diff?.baseSha ?? (await branchSha(repo.bareDir, pull.baseRef)) ?? "";
  const json: Record<string, unknown> = {
    url: `${api}/pulls/${issue.number}`,
    id: pull.id,
    node_id: Buffer.from(`PullRequest${pull.id}`).toString("base64"),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${issue.number}`,
    commits_url: `${api}/pulls/${issue.number}/commits`,
    review_comments_url: `${api}/pulls/${issue.number}/comments`,
    comments_url: `${api}/issues/${issue.number}/comments`,
    statuses_url: `${api}/statuses/${pull.headSha}`,
    number: issue.number,
    state: issue.state,
    locked: false,
    title: issue.title,
    user: asIssue.user,
    body: issue.body,
    labels: asIssue.labels,
    milestone: null,
    active_lock_reason: null,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: null,
    assignee: asIssue.assignee,
    assignees: asIssue.assignees,
    requested_reviewers: [],
    requested_teams: [],
    head: {
      label: `${pull.headRepo.owner.login}:${pull.headRef}`,
      ref: pull.headRef,
      sha: pull.headSha,
      user: userJson(state, pull.headRepo.owner),
      repo: repoJson(state, pull.headRepo),
    },
    base: {
      label: `${repo.owner.login}:${pull.baseRef}`,
      ref: pull.baseRef,
      sha: baseSha,
      user: userJson(state, repo.owner),
      repo: repoJson(state, repo),
    },
    author_association: authorAssociation(repo, issue.user),
    auto_merge: null,
    draft: pull.draft,
  };
  if (diff) {
    const stats = diffStats(diff.files);
    Object.assign(json, {
      merged: pull.mergedAt !== null,
      mergeable: null,
      rebaseable: null,
      mergeable_state: "unknown",
      merged_by: null,
      comments: issue.comments.length,
      review_comments: pull.reviewComments.length,
      maintainer_can_modify: false,
      commits: diff.commits.length,
      additions: stats.additions,
      deletions: stats.deletions,
      changed_files: diff.files.length,
    });
  }
  return json;
}

/** `pull_requests[]` entries of check runs: id, number, head and base refs only. */
export function pullRefJson(
  state: StandInState,
  repo: RepoRecord,
  issue: IssueRecord,
): Record<string, unknown> {
  const pull = issue.pull!;
  const small = (r: RepoRecord) => ({ id: r.id, url: `${state.apiUrl}/repos/${r.fullName}`, name: r.name });
  return {
    url: `${state.apiUrl}/repos/${repo.fullName}/pulls/${issue.number}`,
    id: pull.id,
    number: issue.number,
    head: { ref: pull.headRef, sha: pull.headSha, repo: small(pull.headRepo) },
    base: { ref: pull.baseRef, sha: "", repo: small(repo) },
  };
}

export function reviewJson(
  state: StandInState,
  repo: RepoRecord,
  number: number,
  review: ReviewRecord,
): Record<string, unknown> {
  const html = `${state.url}/${repo.fullName}/pull/${number}`;
  return {
    id: review.id,
    node_id: Buffer.from(`PullRequestReview${review.id}`).toString("base64"),
    user: userJson(state, review.user),
    body: review.body,
    state: review.state,
    html_url: `${html}#pullrequestreview-${review.id}`,
    pull_request_url: `${state.apiUrl}/repos/${repo.fullName}/pulls/${number}`,
    commit_id: review.commitId,
    submitted_at: review.submittedAt,
    author_association: authorAssociation(repo, review.user),
  };
}

export function reviewCommentJson(
  state: StandInState,
  repo: RepoRecord,
  number: number,
  c: ReviewCommentRecord,
): Record<string, unknown> {
  const api = `${state.apiUrl}/repos/${repo.fullName}`;
  return {
    id: c.id,
    node_id: Buffer.from(`PullRequestReviewComment${c.id}`).toString("base64"),
    url: `${api}/pulls/comments/${c.id}`,
    pull_request_review_id: c.reviewId,
    diff_hunk: c.diffHunk,
    path: c.path,
    commit_id: c.commitId,
    original_commit_id: c.commitId,
    user: userJson(state, c.user),
    body: c.body,
    created_at: c.createdAt,
    updated_at: c.createdAt,
    html_url: `${state.url}/${repo.fullName}/pull/${number}#discussion_r${c.id}`,
    pull_request_url: `${api}/pulls/${number}`,
    author_association: authorAssociation(repo, c.user),
    in_reply_to_id: c.inReplyTo ?? undefined,
    start_line: c.startLine,
    original_start_line: c.startLine,
    start_side: c.startSide,
    line: c.line,
    original_line: c.line,
    side: c.side,
    subject_type: c.line === null ? "file" : "line",
  };
}
