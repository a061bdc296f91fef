import type { NewJob } from "../../store/index.js";

export const SWEEP_JOB = "governance_sweep";

export type SweepTrigger =
  "installation" | "repositories" | "schedule" | "command" | "dashboard" | "deferred";

/** A durable sweep request: ids only. */
export interface SweepJob {
  installationId: number;
  trigger: SweepTrigger;
}

/**
 * A sweep job. `slot` makes it one job per installation and time slot (the scheduler, on every
 * instance, asks for the same one); `id` (a delivery, comment or job id) makes an on-demand
 * sweep its own job, so a redelivered webhook still asks only once.
 */
export function sweepJob(
  installationId: number,
  trigger: SweepTrigger,
  key: { slot: string } | { id: string | number },
  runAfter?: Date,
): NewJob {
  const suffix = "slot" in key ? `slot:${key.slot}` : `${trigger}:${key.id}`;
  return {
    kind: SWEEP_JOB,
    dedupeKey: `governance-sweep:${installationId}:${suffix}`,
    payload: { installationId, trigger } satisfies SweepJob,
    ...(runAfter ? { runAfter } : {}),
  };
}
