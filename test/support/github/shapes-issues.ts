import { authorAssociation, userJson } from "./shapes-common.js";
import type { StandInState } from "./stand-in-state.js";
import type { CommentRecord, IssueRecord, LabelRecord, RepoRecord } from "./stand-in-types.js";

export function labelJson(
  state: StandInState,
  repo: RepoRecord,
  label: LabelRecord,
): Record<string, unknown> {
  return {
    id: label.id,
    node_id: Buffer.from(`Label${label.id}`).toString("base64"),
    url: `${state.apiUrl}/repos/${repo.fullName}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: false,
    description: label.description,
  };
}

export function issueJson(
  state: StandInState,
  repo: RepoRecord,
  issue: IssueRecord,
): Record<string, unknown> {
  const api = `${state.apiUrl}/repos/${repo.fullName}`;
  const html = `${state.url}/${repo.fullName}/${issue.pull ? "pull" : "issues"}/${issue.number}`;
  const assignees = issue.assignees.map((login) => userJson(state, { login, type: "User" }));
  const json: Record<string, unknown> = {
    id: issue.id,
    node_id: Buffer.from(`Issue${issue.id}`).toString("base64"),
    url: `${api}/issues/${issue.number}`,
    repository_url: api,
    labels_url: `${api}/issues/${issue.number}/labels{/name}`,
    comments_url: `${api}/issues/${issue.number}/comments`,
    events_url: `${api}/issues/${issue.number}/events`,
    html_url: html,
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: userJson(state, issue.user),
    labels: issue.labels.flatMap((name) => {
      const label = repo.labels.get(name.toLowerCase());
      return label ? [labelJson(state, repo, label)] : [];
    }),
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: issue.comments.length,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    author_association: authorAssociation(repo, issue.user),
  };
  if (issue.pull) {
    json.pull_request = {
      url: `${api}/pulls/${issue.number}`,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      merged_at: issue.pull.mergedAt,
    };
  }
  return json;
}

export function commentJson(
  state: StandInState,
  repo: RepoRecord,
  comment: CommentRecord,
): Record<string, unknown> {
  const api = `${state.apiUrl}/repos/${repo.fullName}`;
  const issue = repo.issues.get(comment.issueNumber);
  const kind = issue?.pull ? "pull" : "issues";
  return {
    id: comment.id,
    node_id: Buffer.from(`IssueComment${comment.id}`).toString("base64"),
    url: `${api}/issues/comments/${comment.id}`,
    html_url: `${state.url}/${repo.fullName}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${api}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: userJson(state, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: authorAssociation(repo, comment.user),
  };
}
