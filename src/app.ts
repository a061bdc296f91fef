import type { ApplicationFunction, Probot } from "probot";
import {
  jobFromCheckRun,
  jobFromPullRequest,
  jobFromPush,
  type JobRequest,
  type PullRequestWebhook,
  type PushWebhook,
} from "./jobs/jobs-from-webhooks.js";
import { registerGovernance } from "./governance/register-governance.js";
import { startServices, type Services } from "./services.js";
import type { Octokit } from "./sources/github/octokit.js";

export interface AppOptions {
  /** Defaults to process.env; tests pass their own. */
  env?: NodeJS.ProcessEnv;
  /** Called once the services are up (tests and the demo use it to reach the store). */
  onReady?: (services: Services) => void;
}

/**
 * Wires GitHub events to the flow. Handlers only record a durable job and return (GitHub gives up
 * after 10 s); the worker in this process runs it at once.
 */
export function createApp(options: AppOptions = {}): ApplicationFunction {
  return async (app: Probot) => {
    const env = options.env ?? process.env;
    const services = await startServices({
      env,
      log: app.log,
      octokitFor: async (installationId) => (await app.auth(installationId)) as unknown as Octokit,
    });
    options.onReady?.(services);
    registerGovernance(app, services);

    const record = async <P>(name: string, request: JobRequest<P> | null, reason: string) => {
      if (!request) {
        app.log.debug({ event: name }, `nothing to scan: ${reason}`);
        return;
      }
      const { created } = await services.enqueue(request);
      app.log.debug(
        { event: name, job: request.dedupeKey, created },
        created ? "job recorded" : "duplicate delivery",
      );
    };

    app.on("push", async (context) => {
      await record(
        "push",
        jobFromPush(context.payload as unknown as PushWebhook, Date.now()),
        "deleted branch or no installation",
      );
    });

    app.on(
      ["pull_request.opened", "pull_request.synchronize", "pull_request.reopened", "pull_request.edited"],
      async (context) => {
        const payload = context.payload as unknown as PullRequestWebhook;
        if (payload.action === "edited" && !titleOrBodyChanged(context.payload as { changes?: object })) {
          app.log.debug({ event: "pull_request.edited" }, "nothing to scan: only the base changed");
          return;
        }
        await record(
          "pull_request",
          jobFromPullRequest(payload, Date.now()),
          "closed pull request or no installation",
        );
      },
    );

    app.on("check_run.rerequested", async (context) => {
      // GitHub sends `rerequested` only to the app that created the check run.
      await record("check_run", jobFromCheckRun(context.payload, context.id, Date.now()), "no installation");
    });
  };
}

function titleOrBodyChanged(payload: { changes?: object }): boolean {
  return Boolean(payload.changes && ("title" in payload.changes || "body" in payload.changes));
}
