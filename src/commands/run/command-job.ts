import type { RepoInfo } from "../../jobs/job-payloads.js";
import { repoInfo, type WebhookRepository } from "../../jobs/jobs-from-webhooks.js";
import { commandTarget, type CommandTarget } from "../command-target.js";
import { parseCommand } from "../parse-command.js";
import type { Command } from "../types.js";

export const COMMAND_JOB = "governance_command";

/**
 * A command to run, as a durable job: the parsed command (reasons already have any key redacted)
 * and ids, never the comment's text.
 */
export interface CommandJob {
  installationId: number;
  repo: RepoInfo;
  /** The issue or pull request the comment is on. */
  number: number;
  commentId: number;
  actor: string;
  target: CommandTarget;
  command: Command | { error: string };
}

export interface IssueCommentWebhook {
  comment: { id: number; body: string; user: { login: string; type: string } | null };
  issue: { number: number; body?: string | null; user: { type: string } | null; pull_request?: unknown };
  repository: WebhookRepository;
  installation?: { id: number } | null;
  sender: { login: string; type: string };
}

/**
 * The job for an `issue_comment.created`, or why there is none: a bot's comment (the app's own
 * replies included), no command in it, or a thread that is not the app's.
 */
export function commandJobFromComment(
  payload: IssueCommentWebhook,
): { job: { kind: string; dedupeKey: string; payload: CommandJob } } | { skip: string } {
  if (!payload.installation) return { skip: "no installation" };
  if (payload.sender.type === "Bot" || payload.comment.user?.type === "Bot")
    return { skip: "a bot's comment" };
  const command = parseCommand(payload.comment.body);
  if (!command) return { skip: "no command" };
  const target = commandTarget({
    body: payload.issue.body,
    userType: payload.issue.user?.type,
    isPullRequest: Boolean(payload.issue.pull_request),
  });
  if (!target) return { skip: "not a pull request or one of the app's issues" };
  const repo = repoInfo(payload.repository);
  return {
    job: {
      kind: COMMAND_JOB,
      // One answer per comment, however often the webhook is delivered.
      dedupeKey: `command:${repo.fullName}:${payload.comment.id}`,
      payload: {
        installationId: payload.installation.id,
        repo,
        number: payload.issue.number,
        commentId: payload.comment.id,
        actor: payload.sender.login,
        target,
        command,
      },
    },
  };
}
