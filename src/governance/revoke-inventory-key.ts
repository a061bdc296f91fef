import type { MoltbookClient } from "../moltbook/index.js";
import type { RevokeOutcome } from "../moltbook/types.js";

export const OWN_KEY =
  "That key is Moltbook Guard's own governance key (MOLTBOOK_ADMIN_KEY); revoking it would stop the app. To resolve, give the app a new governance key first, then revoke this one in Moltbook.";

/**
 * What a maintainer's revocation came to. `revoked` means Moltbook answered the call; `outcome` is
 * its answer, which may also be `already_revoked` or `forbidden`. The label is the key's public
 * prefix, the only part of it that may be shown.
 */
export type InventoryRevocation =
  | { kind: "revoked"; outcome: RevokeOutcome; label: string }
  | { kind: "not_in_inventory" }
  | { kind: "own_key" };

/**
 * Revokes an inventory key by id (reason `manual`) on a maintainer's request, from a command or a
 * dashboard box. The app's own governance key is refused: every sweep, lookup and revocation runs
 * on it, so revoking it would stop the app. Callers word the answer and the audit line.
 */
export async function revokeInventoryKey(
  moltbook: Pick<MoltbookClient, "key" | "revoke" | "adminFingerprint">,
  keyId: string,
  evidenceUrl: string,
): Promise<InventoryRevocation> {
  const key = await moltbook.key(keyId);
  if (!key) return { kind: "not_in_inventory" };
  if (key.fingerprint === moltbook.adminFingerprint) return { kind: "own_key" };
  const result = await moltbook.revoke(key.fingerprint, { reason: "manual", evidenceUrl });
  return { kind: "revoked", outcome: result.outcome, label: `${key.prefix}…` };
}
