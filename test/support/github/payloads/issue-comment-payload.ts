import { addComment } from "../issues.js";
import { issueRecord } from "../pull-requests.js";
import { commentJson, issueJson } from "../shapes-issues.js";
import type { StandInState } from "../stand-in-state.js";
import type { RepoRecord } from "../stand-in-types.js";
import { payloadEnvelope, senderActor } from "./payload-common.js";

export interface IssueCommentPayloadOptions {
  /** Issue or pull request number. */
  number: number;
  /** `created` (default): a new comment by `user` with `body` is added to the stand-in first. */
  action?: "created" | "edited" | "deleted";
  body?: string;
  /** Login of the commenter (default: the repository owner). */
  user?: string;
  /** For `edited`/`deleted`, or to replay an existing comment. */
  commentId?: number;
}

/** An `issue_comment` webhook payload; the comment exists in the stand-in, as it would on GitHub. */
export function issueCommentPayload(
  state: StandInState,
  repo: RepoRecord,
  options: IssueCommentPayloadOptions,
): Record<string, unknown> {
  const issue = issueRecord(state, repo.fullName, options.number);
  const action = options.action ?? "created";
  let comment = options.commentId !== undefined ? state.comments.get(options.commentId)?.comment : undefined;
  if (options.commentId !== undefined && !comment) {
    throw new Error(
      `No comment ${options.commentId} in ${repo.fullName}. To resolve, pass an id the stand-in created.`,
    );
  }
  let changes: Record<string, unknown> | undefined;
  if (!comment) {
    if (options.body === undefined)
      throw new Error("issueCommentPayload needs a body or a commentId. To resolve, pass one.");
    const user = senderActor(state, options.user ?? repo.owner.login);
    comment = addComment(state, repo, issue, options.body, user);
  } else if (action === "edited" && options.body !== undefined) {
    changes = { body: { from: comment.body } };
    comment.body = options.body;
    comment.updatedAt = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  }
  if (action === "deleted") {
    issue.comments = issue.comments.filter((c) => c !== comment);
    state.comments.delete(comment.id);
  }
  return {
    action,
    issue: issueJson(state, repo, issue),
    comment: commentJson(state, repo, comment),
    ...(changes ? { changes } : {}),
    ...payloadEnvelope(state, repo, comment.user.login),
  };
}
