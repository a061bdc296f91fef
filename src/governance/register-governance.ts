import type { Probot } from "probot";
import { commandJobFromComment, type IssueCommentWebhook } from "../commands/run/command-job.js";
import type { Services } from "../services.js";
import { dashboardJobFromEdit, type IssuesEditedWebhook } from "./dashboard/dashboard-job.js";
import { sweepJob } from "./sweep/sweep-job.js";

interface AnyInstallationPayload {
  installation?: { id: number; account?: { login?: string } | null } | null;
  organization?: { login?: string } | null;
  repository?: { owner?: { login?: string } } | null;
}

/**
 * Wires governance to GitHub events. Like the scan handlers, each only records a durable job:
 * a sweep when the app is installed or given more repositories, a command from a comment, the
 * actions of ticked dashboard boxes. The worker runs them at once.
 */
export function registerGovernance(app: Probot, services: Pick<Services, "store" | "enqueue">): void {
  const { store } = services;
  const known = new Set<number>();

  // Installations the app has not seen installed (it was installed before this version) become
  // known at their first event, so the scheduler sweeps them too.
  app.onAny(async (context) => {
    const payload = context.payload as AnyInstallationPayload;
    const id = payload.installation?.id;
    if (!id || known.has(id)) return;
    const account =
      payload.installation?.account?.login ?? payload.organization?.login ?? payload.repository?.owner?.login;
    if (!account) return;
    if (!(await store.getInstallation(id))) await store.upsertInstallation({ id, accountLogin: account });
    known.add(id);
  });

  app.on(["installation.created", "installation.new_permissions_accepted"], async (context) => {
    const { installation } = context.payload;
    const account =
      installation.account && "login" in installation.account ? installation.account.login : null;
    if (account) await store.upsertInstallation({ id: installation.id, accountLogin: account });
    known.add(installation.id);
    const { created } = await services.enqueue(sweepJob(installation.id, "installation", { id: context.id }));
    app.log.debug({ installation: installation.id, created }, "governance sweep requested: installed");
  });

  app.on("installation.deleted", async (context) => {
    await store.removeInstallation(context.payload.installation.id);
    known.delete(context.payload.installation.id);
    app.log.info({ installation: context.payload.installation.id }, "installation removed: no more sweeps");
  });

  app.on("installation_repositories.added", async (context) => {
    const id = context.payload.installation.id;
    const { created } = await services.enqueue(sweepJob(id, "repositories", { id: context.id }));
    app.log.debug({ installation: id, created }, "governance sweep requested: repositories added");
  });

  app.on("issue_comment.created", async (context) => {
    const result = commandJobFromComment(context.payload as unknown as IssueCommentWebhook);
    if ("skip" in result) {
      app.log.debug({ event: "issue_comment.created" }, `no command to run: ${result.skip}`);
      return;
    }
    const { created } = await services.enqueue(result.job);
    app.log.debug(
      { job: result.job.dedupeKey, created },
      created ? "command recorded" : "duplicate delivery",
    );
  });

  app.on("issues.edited", async (context) => {
    const result = dashboardJobFromEdit(context.payload as unknown as IssuesEditedWebhook, context.id);
    if ("skip" in result) {
      app.log.debug({ event: "issues.edited" }, `no dashboard action: ${result.skip}`);
      return;
    }
    await services.enqueue(result.job);
  });
}
