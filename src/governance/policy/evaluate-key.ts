import type { KeyRecord } from "../../moltbook/types.js";
import { evaluateAccountability } from "./evaluate-accountability.js";
import { evaluateLeastPrivilege } from "./evaluate-least-privilege.js";
import { evaluateRotation } from "./evaluate-rotation.js";
import type { GovernanceFinding, GovernancePolicy, KeyEvaluation, KeyState } from "./types.js";

/**
 * Every rule for one key at one instant. A key Moltbook reports revoked or expired no longer works,
 * so it has no findings (its open issues close) and sits in the `revoked` group. Otherwise the
 * dashboard group is the most urgent of: expired, overdue, due soon, over-privileged, healthy.
 * Accountability gaps do not move a key out of `healthy`; the dashboard notes them on the line.
 */
export function evaluateKey(key: KeyRecord, policy: GovernancePolicy, now: Date): KeyEvaluation {
  if (key.status !== "active") return { key, state: "revoked", findings: [] };
  const rotation = evaluateRotation(key, policy, now);
  const leastPrivilege = evaluateLeastPrivilege(key, policy, now);
  const accountability = evaluateAccountability(key, policy);
  const findings = [rotation, leastPrivilege, accountability].filter(
    (f): f is GovernanceFinding => f !== null,
  );
  const state: KeyState = rotation ? rotation.state : leastPrivilege ? "over_privileged" : "healthy";
  return { key, state, findings };
}
