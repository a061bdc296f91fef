import type { RevokeOutcome } from "../moltbook/types.js";
import type { IncidentUpdate } from "./records.js";

/**
 * The incident of a key Moltbook has revoked, whether the scan pipeline or a maintainer's command
 * asked: a dead key has nothing left to retry and no error to show, so both are cleared. Callers
 * add what only they know (the pipeline the key's inventory id and name, the command its lookup
 * status).
 */
export function revokedIncidentUpdate(
  outcome: Extract<RevokeOutcome, "revoked" | "already_revoked">,
  revokedAt: Date,
): IncidentUpdate {
  return { state: "revoked", revokeOutcome: outcome, revokedAt, lastError: null, nextRetryAt: null };
}
