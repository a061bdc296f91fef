import type { GovernanceDeps } from "../../governance/governance-deps.js";
import type { Octokit, RepoRef } from "../../sources/github/octokit.js";
import type { CommandReply } from "../render-command-reply.js";
import type { CommandJob } from "./command-job.js";

export interface CommandContext {
  deps: GovernanceDeps;
  octokit: Octokit;
  job: CommandJob;
  repo: RepoRef;
  /** The thread's web address: evidence for revocations. */
  threadUrl: string;
  now: Date;
}

/** What a command did: the reply to post and the outcome for the audit trail. */
export interface CommandResult {
  reply: CommandReply;
  outcome: string;
}

export function failed(ctx: CommandContext, error: string): CommandResult {
  const name = "error" in ctx.job.command ? "help" : ctx.job.command.name;
  return {
    reply: { outcome: "failed", login: ctx.job.actor, command: name, error },
    outcome: `failed: ${error}`,
  };
}
