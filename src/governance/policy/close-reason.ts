import type { KeyRecord } from "../../moltbook/types.js";
import { parseTime } from "./parse-time.js";

/** Why an open per-key issue is being closed; rendered by `renderCloseComment`. */
export type CloseReason = "rotated" | "revoked" | "expired" | "fixed" | "removed";

/**
 * `removed`: the key is no longer in the inventory. `rotated`: it no longer works and an active
 * key replaced it (a sub-key of it, or a later sibling sub-key of the same parent serving the same
 * project). `revoked` / `expired`: it no longer works, as Moltbook reports. `fixed`: it still works
 * and now meets the policy for this kind.
 */
export function closeReason(key: KeyRecord | null, inventory: readonly KeyRecord[]): CloseReason {
  if (!key) return "removed";
  if (key.status === "active") return "fixed";
  if (inventory.some((other) => replaces(other, key))) return "rotated";
  return key.status === "expired" ? "expired" : "revoked";
}

function replaces(candidate: KeyRecord, old: KeyRecord): boolean {
  if (candidate.id === old.id || candidate.status !== "active") return false;
  if (candidate.parent_id === old.id) return true;
  const newer = (parseTime(candidate.created_at) ?? 0) > (parseTime(old.created_at) ?? 0);
  return (
    newer &&
    old.parent_id !== null &&
    candidate.parent_id === old.parent_id &&
    old.project !== null &&
    candidate.project?.toLowerCase() === old.project.toLowerCase()
  );
}
