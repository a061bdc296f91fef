import type { Policy } from "../config/index.js";
import { DEFAULT_GOVERNANCE_POLICY, type GovernancePolicy } from "./policy/types.js";

/**
 * The repository config's governance settings as the pure rules want them. The kind labels the
 * issue names (`rotation-overdue`, `rotation-due-soon`, `least-privilege`, `key-ownership`) stay;
 * the config's `governance.labels` are added to them, and the app label is always kept because
 * the sweep finds its own issues again by it.
 */
export function governancePolicyFromConfig(policy: Policy): GovernancePolicy {
  const labels = policy.governance.labels;
  return {
    rotation: { ...policy.rotation },
    leastPrivilege: { ...policy.leastPrivilege },
    accountability: { ...policy.accountability },
    governance: { repo: policy.governance.repo, dashboard: policy.governance.dashboard },
    labels: {
      ...DEFAULT_GOVERNANCE_POLICY.labels,
      extra: {
        rotation: labels.rotation,
        leastPrivilege: labels.leastPrivilege,
        accountability: labels.accountability,
        dashboard: labels.dashboard,
      },
    },
  };
}
