import { canWrite } from "../../commands/run/write-permission.js";
import { renderCommandReply, type CommandReply } from "../../commands/render-command-reply.js";
import type { RevokeOutcome } from "../../moltbook/types.js";
import { splitFullName } from "../../sources/github/octokit.js";
import type { GovernanceDeps } from "../governance-deps.js";
import type { DashboardAction } from "../render/parse-dashboard-checks.js";
import { OWN_KEY, revokeInventoryKey } from "../revoke-inventory-key.js";
import { untickDashboard } from "../render/untick-dashboard.js";
import { snoozeInstallation } from "../sweep/installation-snooze.js";
import { sweepJob } from "../sweep/sweep-job.js";
import type { DashboardJob } from "./dashboard-job.js";

export { DASHBOARD_JOB, type DashboardJob } from "./dashboard-job.js";

/**
 * Acts on ticked dashboard boxes, only for someone with write access to the dashboard's repository
 * (anyone else gets a polite refusal and nothing happens): revoke a key now (reason `manual`),
 * snooze or unsnooze new governance issues, sweep. Then the boxes are unticked and a sweep
 * re-renders the dashboard. Revocations and snoozes are answered in a comment; each action is
 * recorded in the audit trail.
 */
export async function runDashboardJob(deps: GovernanceDeps, job: DashboardJob, jobId: number): Promise<void> {
  const octokit = await deps.octokitFor(job.installationId);
  const repo = splitFullName(job.repo.fullName);
  const now = new Date(deps.now());
  const audit = (action: DashboardAction, outcome: string) =>
    deps.store.recordCommand({
      installationId: job.installationId,
      repo: job.repo.fullName,
      number: job.number,
      actor: job.actor,
      command: `dashboard:${action.type}`,
      args: action.type === "revoke" ? [action.keyId] : action.type === "snooze" ? [`${action.days}d`] : [],
      outcome,
    });
  const untick = async () => {
    const { data } = await octokit.rest.issues.get({ ...repo, issue_number: job.number });
    const body = data.body ?? "";
    const unticked = untickDashboard(body);
    if (unticked !== body)
      await octokit.rest.issues.update({ ...repo, issue_number: job.number, body: unticked });
  };
  const reply = (replies: CommandReply[]) =>
    octokit.rest.issues.createComment({
      ...repo,
      issue_number: job.number,
      body: replies.map(renderCommandReply).join("\n\n"),
    });

  if (!(await canWrite(octokit, repo, job.actor))) {
    await untick();
    await reply([{ outcome: "refused", login: job.actor }]);
    for (const action of job.actions) await audit(action, "denied: needs write access");
    return;
  }

  const revoked: { label: string; outcome: RevokeOutcome }[] = [];
  const replies: CommandReply[] = [];
  for (const action of job.actions) {
    switch (action.type) {
      case "revoke": {
        const evidenceUrl = `${job.repo.htmlUrl}/issues/${job.number}`;
        const done = await revokeInventoryKey(deps.moltbook, action.keyId, evidenceUrl);
        if (done.kind === "not_in_inventory") {
          revoked.push({ label: action.keyId, outcome: "not_found" });
          await audit(action, "applied: not_found");
        } else if (done.kind === "own_key") {
          replies.push({ outcome: "failed", login: job.actor, command: "revoke", error: OWN_KEY });
          await audit(action, "refused: the app's own governance key");
        } else {
          revoked.push({ label: done.label, outcome: done.outcome });
          await audit(action, `applied: ${done.outcome}`);
        }
        break;
      }
      case "snooze":
      case "unsnooze": {
        const until = action.type === "snooze" ? new Date(now.getTime() + action.days * 86_400_000) : null;
        await snoozeInstallation(deps.store, job.installationId, job.repo.fullName, until);
        if (until)
          replies.push({ outcome: "snoozed", login: job.actor, until: until.toISOString(), reason: null });
        await audit(action, until ? `applied: until ${until.toISOString()}` : "applied");
        break;
      }
      case "sweep":
        await audit(action, "applied");
        break;
    }
  }
  await untick();
  await deps.enqueue(sweepJob(job.installationId, "dashboard", { id: jobId }));
  if (revoked.length > 0) replies.unshift({ outcome: "revoked", login: job.actor, keys: revoked });
  if (replies.length > 0) await reply(replies);
}
