import { INCIDENT_STATES, type IncidentState } from "./records.js";

// Once Moltbook has revoked a key, or taken a report of it, nothing we learn later makes it live
// again: a stale lookup or a late retry must not turn it back into an open, active incident.
const NEVER_AFTER: Partial<Record<IncidentState, readonly IncidentState[]>> = {
  revoked: ["found", "active_report_only", "revoke_failed"],
  reported: ["found", "active_report_only", "revoke_failed"],
};

/** The states an incident may be in for a move to `to` to be allowed. */
export function incidentTransitions(to: IncidentState): IncidentState[] {
  return INCIDENT_STATES.filter((from) => !(NEVER_AFTER[from] ?? []).includes(to));
}
