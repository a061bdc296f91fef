import { snoozeInstallation } from "../../governance/sweep/installation-snooze.js";
import { toStoreKind } from "../../governance/sweep/store-kind.js";
import { sweepJob } from "../../governance/sweep/sweep-job.js";
import { failed, type CommandContext, type CommandResult } from "./command-context.js";

/**
 * `snooze <duration> [reason]`: on a governance issue, closes it as not planned until then (the
 * first sweep after that reopens it if the key is still out of policy); on the dashboard, pauses
 * new governance issues for the installation and re-renders the dashboard to say so.
 */
export async function executeSnooze(
  ctx: CommandContext,
  args: { durationMs: number; reason: string | null },
): Promise<CommandResult> {
  const { deps, job } = ctx;
  const until = new Date(ctx.now.getTime() + args.durationMs);
  if (job.target.place === "dashboard") {
    await snoozeInstallation(deps.store, job.installationId, job.repo.fullName, until);
    await deps.enqueue(sweepJob(job.installationId, "command", { id: job.commentId }));
  } else if (job.target.place === "governance_issue") {
    const { keyId, kind } = job.target;
    const row = await deps.store.snoozeGovernanceIssue(job.installationId, keyId, toStoreKind(kind), until);
    if (!row)
      return failed(
        ctx,
        "This issue is not in Moltbook Guard's records yet. To resolve, run `/moltbook-guard sweep` on the dashboard, then snooze again.",
      );
    await ctx.octokit.rest.issues.update({
      ...ctx.repo,
      issue_number: job.number,
      state: "closed",
      state_reason: "not_planned",
    });
    await deps.store.saveGovernanceIssue({ ...row, state: "closed" });
  }
  return {
    reply: { outcome: "snoozed", login: job.actor, until: until.toISOString(), reason: args.reason },
    outcome: `applied: until ${until.toISOString()}`,
  };
}
