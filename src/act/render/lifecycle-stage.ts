import type { IncidentStatus, IncidentView } from "./model.js";

/**
 * found: active (or not known to be revoked) and still in the code;
 * revoked: no longer works but still in the code; removed: gone from the code but still active;
 * resolved: revoked and gone from the code.
 */
export type LifecycleStage = "found" | "revoked" | "removed" | "resolved";

/** The key no longer works: Moltbook revoked it, or accepted the report and revokes it. */
export function isKeyNeutralised(status: IncidentStatus): boolean {
  return status === "revoked" || status === "already_revoked" || status === "reported";
}

export function lifecycleStage(incident: Pick<IncidentView, "status" | "removedFromHead">): LifecycleStage {
  const dead = isKeyNeutralised(incident.status);
  if (dead) return incident.removedFromHead ? "resolved" : "revoked";
  return incident.removedFromHead ? "removed" : "found";
}

// Worst first: an active key in the code outranks an active key elsewhere, which outranks a dead key.
const SEVERITY: Record<LifecycleStage, number> = { found: 3, removed: 2, revoked: 1, resolved: 0 };

/** The stage that describes a set of incidents: the worst one among them. */
export function overallStage(incidents: readonly IncidentView[]): LifecycleStage {
  let worst: LifecycleStage = "resolved";
  for (const incident of incidents) {
    const stage = lifecycleStage(incident);
    if (SEVERITY[stage] > SEVERITY[worst]) worst = stage;
  }
  return worst;
}
