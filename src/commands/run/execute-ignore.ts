import { incidentTransitions } from "../../store/index.js";
import { failed, type CommandContext, type CommandResult } from "./command-context.js";
import { enqueueRescan } from "./enqueue-rescan.js";
import { leakFingerprints } from "./leak-fingerprints.js";

/**
 * `ignore <reason>`: the leak is not a live key. Its fingerprint joins the repository's ignore list
 * with who and why (later scans skip it), its incident is marked ignored, and an incident issue is
 * closed as not planned; on a pull request, every key in it, and the PR is scanned again so its
 * comment drops them.
 */
export async function executeIgnore(ctx: CommandContext, reason: string): Promise<CommandResult> {
  const { deps, job } = ctx;
  const fingerprints = await leakFingerprints(deps.store, job);
  if (fingerprints.length === 0) {
    return failed(
      ctx,
      "No leaked key is recorded on this pull request any more, so there is nothing to ignore.",
    );
  }
  for (const fingerprint of fingerprints) {
    await deps.store.ignoreFingerprint({
      installationId: job.installationId,
      repo: job.repo.fullName,
      fingerprint,
      reason,
      by: job.actor,
      at: ctx.now,
    });
    await deps.store.updateIncident(
      job.installationId,
      fingerprint,
      { state: "ignored" },
      { fromStates: incidentTransitions("ignored") },
    );
  }
  if (job.target.place === "pull_request") await enqueueRescan(ctx, fingerprints);
  else
    await ctx.octokit.rest.issues.update({
      ...ctx.repo,
      issue_number: job.number,
      state: "closed",
      state_reason: "not_planned",
    });
  return {
    reply: { outcome: "ignored", login: job.actor, reason },
    outcome: `applied: ${fingerprints.length} ignored`,
  };
}
