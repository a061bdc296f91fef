import type { ClaimedJob, JobHandler } from "../jobs/job-worker.js";
import { runCommandJob, type CommandJob } from "../commands/run/run-command-job.js";
import { COMMAND_JOB } from "../commands/run/command-job.js";
import { DASHBOARD_JOB, runDashboardJob, type DashboardJob } from "./dashboard/run-dashboard-job.js";
import type { GovernanceDeps } from "./governance-deps.js";
import type { SweepScheduler } from "./schedule/sweep-scheduler.js";
import { runSweep } from "./sweep/run-sweep.js";
import { SWEEP_JOB, sweepJob, type SweepJob } from "./sweep/sweep-job.js";

/** How long a sweep asked for while another runs waits before it tries again. */
const DEFER_MS = 30_000;

/** The worker's handlers for governance sweeps, commands and dashboard ticks. */
export function governanceJobHandlers(
  deps: GovernanceDeps,
  scheduler?: SweepScheduler,
): Record<string, JobHandler> {
  return {
    [SWEEP_JOB]: async (job: ClaimedJob) => {
      const request = job.payload as SweepJob;
      const summary = await runSweep(deps, request.installationId);
      if (summary.settings) scheduler?.remember(request.installationId, summary.settings.schedule);
      if (summary.outcome !== "busy") return;
      // Another instance is sweeping this installation. A scheduled sweep is covered by it; one
      // asked for after a change (a command, a tick, an install) runs again once it is done.
      deps.log.debug(
        { installation: request.installationId, trigger: request.trigger },
        "governance sweep busy elsewhere",
      );
      if (request.trigger === "schedule") return;
      await deps.enqueue(
        sweepJob(request.installationId, "deferred", { id: job.id }, new Date(deps.now() + DEFER_MS)),
      );
    },
    [COMMAND_JOB]: (job: ClaimedJob) => runCommandJob(deps, job.payload as CommandJob),
    [DASHBOARD_JOB]: (job: ClaimedJob) => runDashboardJob(deps, job.payload as DashboardJob, job.id),
  };
}
