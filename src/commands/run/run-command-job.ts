import { redactKeys } from "../../detect/index.js";
import type { GovernanceDeps } from "../../governance/governance-deps.js";
import { loadScanPolicy } from "../../pipeline/load-scan-policy.js";
import { splitFullName } from "../../sources/github/octokit.js";
import { commandAvailability } from "../command-availability.js";
import { renderCommandReply } from "../render-command-reply.js";
import type { CommandContext, CommandResult } from "./command-context.js";
import type { CommandJob } from "./command-job.js";
import { executeCommand } from "./execute-command.js";
import { canWrite } from "./write-permission.js";

export type { CommandJob } from "./command-job.js";

/**
 * Answers one command: `help` to anyone; everything else only for people with write access or
 * more (a polite refusal otherwise), then only where it applies. Every command gets a reply and
 * an audit record (who, what, outcome); arguments are stored with any key redacted.
 */
export async function runCommandJob(deps: GovernanceDeps, job: CommandJob): Promise<void> {
  const octokit = await deps.octokitFor(job.installationId);
  const repo = splitFullName(job.repo.fullName);
  const kind = job.target.place === "pull_request" ? "pull" : "issues";
  const ctx: CommandContext = {
    deps,
    octokit,
    job,
    repo,
    threadUrl: `${job.repo.htmlUrl}/${kind}/${job.number}`,
    now: new Date(deps.now()),
  };
  const { command } = job;
  const name = "error" in command ? "invalid" : command.name;
  const args = "error" in command ? [] : Object.values(command.args).map((v) => String(v ?? ""));
  const result = await decide(ctx);
  await octokit.rest.issues.createComment({
    ...repo,
    issue_number: job.number,
    body: renderCommandReply(result.reply),
  });
  await deps.store.recordCommand({
    installationId: job.installationId,
    repo: job.repo.fullName,
    number: job.number,
    actor: job.actor,
    command: name,
    args,
    outcome: result.outcome,
  });
  deps.log.info(
    {
      installation: job.installationId,
      repo: job.repo.fullName,
      number: job.number,
      command: name,
      outcome: result.outcome,
    },
    "command answered",
  );
}

async function decide(ctx: CommandContext): Promise<CommandResult> {
  const { job, deps } = ctx;
  const login = job.actor;
  const { command } = job;
  if (!("error" in command) && command.name === "help") return executeCommand(ctx, command);
  if (!(await canWrite(ctx.octokit, ctx.repo, login))) {
    return { reply: { outcome: "refused", login }, outcome: "denied: needs write access" };
  }
  if ("error" in command)
    return {
      reply: { outcome: "invalid", login, error: command.error },
      outcome: `invalid: ${command.error}`,
    };
  const autoRevocation =
    command.name === "revoke" && job.target.place !== "governance_issue"
      ? await isAutoRevocation(ctx)
      : false;
  const available = commandAvailability(command.name, job.target.place, { autoRevocation });
  if (!available.ok) {
    return {
      reply: { outcome: "unavailable", login, command: command.name, reason: available.reason },
      outcome: `unavailable: ${available.reason}`,
    };
  }
  try {
    return await executeCommand(ctx, command);
  } catch (error) {
    deps.log.error({ err: error, command: command.name }, "command failed");
    const why = redactKeys(error instanceof Error ? error.message : String(error));
    const actionable = /To resolve/.test(why)
      ? why
      : `${why.replace(/\.$/, "")}. To resolve, try again later.`;
    return {
      reply: { outcome: "failed", login, command: command.name, error: actionable },
      outcome: `failed: ${why}`,
    };
  }
}

/** Automatic revocation here: the key was revoked when found, so `revoke` has nothing to do. */
async function isAutoRevocation(ctx: CommandContext): Promise<boolean> {
  const policy = await loadScanPolicy(ctx.octokit, ctx.repo);
  return !policy.dryRun && policy.revocationModeFor(ctx.job.repo.visibility) === "auto";
}
