import type { KeyRecord } from "../../moltbook/types.js";
import { GOVERNANCE_SCOPES } from "../../moltbook/types.js";

/**
 * Scopes a key-management key may hold without being over-privileged: the three the app's own key
 * needs, plus `keys:admin`, which provisioning tools need to mint sub-keys.
 */
const MANAGEMENT_SCOPES: ReadonlySet<string> = new Set([...GOVERNANCE_SCOPES, "keys:admin"]);

/**
 * A governance key manages keys and does nothing else: its scopes are non-empty and all within
 * `keys:read`, `keys:revoke`, `audit:read` and `keys:admin`. Such a key is exempt from the
 * wildcard rule (so the app's own key and a provisioning key are never flagged for `keys:admin`);
 * `*` is never exempt because it also grants posting and agent scopes. The other checks
 * (allowlist, expiry, staleness, rotation) still apply to governance keys.
 */
export function isGovernanceKey(key: Pick<KeyRecord, "scopes">): boolean {
  return key.scopes.length > 0 && key.scopes.every((s) => MANAGEMENT_SCOPES.has(s));
}
