import { randomUUID } from "node:crypto";
import type { JobHandler } from "../jobs/job-worker.js";
import type { GovernanceDeps } from "./governance-deps.js";
import { governanceJobHandlers } from "./governance-jobs.js";
import { SweepScheduler } from "./schedule/sweep-scheduler.js";

export interface Governance {
  handlers: Record<string, JobHandler>;
  scheduler: SweepScheduler;
  stop(): void;
}

/**
 * The governance side of the services: job handlers, and the sweep scheduler (off with
 * `SWEEP_SCHEDULER=off`, e.g. for a worker that should only serve webhooks).
 */
export function startGovernance(
  deps: Omit<GovernanceDeps, "holder"> & { workerId: string; env: NodeJS.ProcessEnv },
): Governance {
  // The environment (MOLTBOOK_ADMIN_KEY with it) stays here: only the deps go on to every handler.
  const { env, workerId, ...rest } = deps;
  // Leases are held per instance: two app instances in one process must not share a holder name.
  const full: GovernanceDeps = {
    ...rest,
    log: deps.log.child({ name: "governance" }),
    holder: `${workerId}:${randomUUID().slice(0, 8)}`,
  };
  const scheduler = new SweepScheduler(full);
  if (env.SWEEP_SCHEDULER !== "off") scheduler.start();
  return { handlers: governanceJobHandlers(full, scheduler), scheduler, stop: () => scheduler.stop() };
}
