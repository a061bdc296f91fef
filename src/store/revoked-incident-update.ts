import type { RevokeOutcome } from "../moltbook/types.js";
import type { IncidentUpdate } from "./records.js";

/**
 * The incident of a key Moltbook has revoked, whether the scan pipeline or a maintainer's command
 * asked: a dead key has nothing left to retry and no error to show, so both are cleared, and its
 * lookup status is `revoked` whatever an earlier report-only lookup recorded. Callers add what only
 * they know (the pipeline, the key's inventory id and name).
 */
export function revokedIncidentUpdate(
  outcome: Extract<RevokeOutcome, "revoked" | "already_revoked">,
  revokedAt: Date,
): IncidentUpdate {
  return {
    state: "revoked",
    lookupStatus: "revoked",
    revokeOutcome: outcome,
    revokedAt,
    lastError: null,
    nextRetryAt: null,
  };
}
