import { intParam, notFound, validationFailed, type RequestContext } from "./http-reply.js";
import { permissionOf } from "./shapes-common.js";
import { isoNow, type StandInState } from "./stand-in-state.js";
import type { Actor, CommentRecord, IssueRecord, LabelRecord, RepoRecord } from "./stand-in-types.js";

/** The issue or pull request named by the `:number` path parameter, or 404 like GitHub. */
export function issueOr404(ctx: RequestContext, repo: RepoRecord): IssueRecord {
  const issue = repo.issues.get(intParam(ctx, "number"));
  if (!issue) throw notFound();
  return issue;
}

/** The pull request named by the `:number` path parameter (404 for a plain issue). */
export function pullOr404(ctx: RequestContext, repo: RepoRecord): IssueRecord {
  const issue = issueOr404(ctx, repo);
  if (!issue.pull) throw notFound();
  return issue;
}

// GitHub's limit on issue, PR and comment bodies.
export const BODY_LIMIT = 65536;

export function checkBody(resource: string, body: unknown): void {
  if (typeof body === "string" && body.length > BODY_LIMIT) {
    throw validationFailed([
      {
        resource,
        code: "custom",
        field: "body",
        message: `body is too long (maximum is ${BODY_LIMIT} characters)`,
      },
    ]);
  }
}

/** GitHub creates a label on first use when an issue is given one that does not exist. */
export function ensureLabel(
  state: StandInState,
  repo: RepoRecord,
  name: string,
  color = "ededed",
): LabelRecord {
  const key = name.toLowerCase();
  let label = repo.labels.get(key);
  if (!label) {
    label = { id: state.nextId(), name, color, description: null };
    repo.labels.set(key, label);
  }
  return label;
}

/** Label names from `["a"]`, `[{ name: "a" }]` or `{ labels: [...] }`. */
export function labelNames(value: unknown): string[] {
  const list = Array.isArray(value) ? value : ((value as { labels?: unknown } | null)?.labels ?? []);
  if (!Array.isArray(list)) return [];
  return list
    .map((l) => (typeof l === "string" ? l : typeof l === "object" && l && "name" in l ? String(l.name) : ""))
    .filter(Boolean);
}

export function isAssignable(repo: RepoRecord, login: string): boolean {
  return ["admin", "maintain", "write", "triage"].includes(permissionOf(repo, login));
}

export function checkAssignees(repo: RepoRecord, logins: string[]): void {
  const bad = logins.filter((l) => !isAssignable(repo, l));
  if (bad.length > 0) {
    throw validationFailed(
      bad.map((value) => ({ resource: "Issue", code: "invalid", field: "assignees", value })),
    );
  }
}

export interface NewIssue {
  title: string;
  body?: string | null;
  labels?: string[];
  assignees?: string[];
}

export function createIssue(
  state: StandInState,
  repo: RepoRecord,
  input: NewIssue,
  user: Actor,
): IssueRecord {
  const now = isoNow();
  const issue: IssueRecord = {
    id: state.nextId(),
    number: repo.nextNumber++,
    title: input.title,
    body: input.body ?? null,
    state: "open",
    stateReason: null,
    labels: [...new Set((input.labels ?? []).map((n) => ensureLabel(state, repo, n).name))],
    assignees: [...new Set(input.assignees ?? [])],
    user,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    comments: [],
    pull: null,
  };
  repo.issues.set(issue.number, issue);
  return issue;
}

export function addComment(
  state: StandInState,
  repo: RepoRecord,
  issue: IssueRecord,
  body: string,
  user: Actor,
): CommentRecord {
  const now = isoNow();
  const comment: CommentRecord = {
    id: state.nextId(),
    issueNumber: issue.number,
    body,
    user,
    createdAt: now,
    updatedAt: now,
  };
  issue.comments.push(comment);
  issue.updatedAt = now;
  state.comments.set(comment.id, { repo, comment });
  return comment;
}

/** The acting user of a write: the app's bot for installation tokens, else the token's user. */
export function actorOf(identity: { kind: string; actor?: Actor }): Actor {
  return identity.actor ?? { login: "ghost", type: "User" };
}
