import type { KeyRecord } from "../../moltbook/types.js";
import type { AccountabilityField, AccountabilityFinding, GovernancePolicy } from "./types.js";

const PROJECT = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/**
 * Every active key should say what it is for (`purpose`), which repository it serves (`project`,
 * as `owner/repo`) and who answers for it (`owner.github_login` or `owner.email`). Blank text
 * counts as missing; a project that is not `owner/repo` counts as missing because nothing can be
 * mapped to it.
 */
export function evaluateAccountability(
  key: KeyRecord,
  policy: Pick<GovernancePolicy, "accountability">,
): AccountabilityFinding | null {
  if (!policy.accountability.enabled || key.status !== "active") return null;
  const missing: AccountabilityField[] = [];
  if (!key.purpose?.trim()) missing.push("purpose");
  if (!key.project || !PROJECT.test(key.project.trim())) missing.push("project");
  if (!key.owner.github_login?.trim() && !key.owner.email?.trim()) missing.push("owner");
  return missing.length === 0 ? null : { kind: "accountability", severity: "low", missing };
}
