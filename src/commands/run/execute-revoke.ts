import { OWN_KEY, revokeInventoryKey } from "../../governance/revoke-inventory-key.js";
import { sweepJob } from "../../governance/sweep/sweep-job.js";
import { incidentTransitions, revokedIncidentUpdate } from "../../store/index.js";
import type { RevokeOutcome } from "../../moltbook/types.js";
import { failed, type CommandContext, type CommandResult } from "./command-context.js";
import { enqueueRescan } from "./enqueue-rescan.js";
import { leakFingerprints } from "./leak-fingerprints.js";

/**
 * `revoke`: on a governance issue, its key (reason `manual`; a sweep then closes the issue); on a
 * leak incident or pull request, the leaked keys (reason `leaked`), recorded on their incidents,
 * and the thread is scanned again so its comment or issue shows the outcome.
 */
export async function executeRevoke(ctx: CommandContext): Promise<CommandResult> {
  const { deps, job } = ctx;
  const login = job.actor;
  if (job.target.place === "governance_issue") {
    const done = await revokeInventoryKey(deps.moltbook, job.target.keyId, ctx.threadUrl);
    if (done.kind === "not_in_inventory")
      return failed(
        ctx,
        `The key with id \`${job.target.keyId}\` is no longer in the Moltbook inventory, so there is nothing to revoke. To resolve, nothing: the next sweep closes this issue.`,
      );
    if (done.kind === "own_key") return failed(ctx, OWN_KEY);
    await deps.enqueue(sweepJob(job.installationId, "command", { id: job.commentId }));
    return {
      reply: { outcome: "revoked", login, keys: [{ label: done.label, outcome: done.outcome }] },
      outcome: `applied: ${done.outcome}`,
    };
  }
  const fingerprints = await leakFingerprints(deps.store, job);
  if (fingerprints.length === 0) {
    return failed(
      ctx,
      "No leaked key is recorded on this pull request any more. To resolve, run `/moltbook-guard rescan` first if you expected one.",
    );
  }
  const keys: { label: string; outcome: RevokeOutcome }[] = [];
  for (const fp of fingerprints) {
    const result = await deps.moltbook.revoke(fp, { reason: "leaked", evidenceUrl: ctx.threadUrl });
    const incident = await deps.store.getIncident(job.installationId, fp);
    if (result.outcome === "revoked" || result.outcome === "already_revoked") {
      await deps.store.updateIncident(
        job.installationId,
        fp,
        revokedIncidentUpdate(result.outcome, result.revoked_at ? new Date(result.revoked_at) : ctx.now),
        { fromStates: incidentTransitions("revoked") },
      );
    }
    keys.push({ label: incident?.redacted ?? `${fp.slice(0, 19)}…`, outcome: result.outcome });
  }
  await enqueueRescan(ctx, fingerprints);
  return {
    reply: { outcome: "revoked", login, keys },
    outcome: `applied: ${keys.map((k) => k.outcome).join(", ")}`,
  };
}
