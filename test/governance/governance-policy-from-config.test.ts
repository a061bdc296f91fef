import { describe, expect, it } from "vitest";
import { loadPolicy } from "../../src/config/index.js";
import { governancePolicyFromConfig } from "../../src/governance/governance-policy-from-config.js";
import { DEFAULT_GOVERNANCE_POLICY } from "../../src/governance/policy/types.js";
import type { GovernanceFinding } from "../../src/governance/policy/types.js";
import { dashboardLabels, issueLabels } from "../../src/governance/render/issue-labels.js";

describe("governancePolicyFromConfig", () => {
  it("maps the default config onto the default rules", () => {
    const p = governancePolicyFromConfig(loadPolicy({}).policy);
    const { labels, ...rules } = p;
    const { labels: defaultLabels, ...defaultRules } = DEFAULT_GOVERNANCE_POLICY;
    expect(rules).toEqual(defaultRules);
    expect({ ...labels, extra: undefined }).toEqual({ ...defaultLabels, extra: undefined });
  });

  it("carries every setting and adds the configured labels to each kind's", () => {
    const p = governancePolicyFromConfig(
      loadPolicy({
        governance: {
          repo: "security",
          dashboard: false,
          labels: { rotation: ["ops"], dashboard: ["ops", "keys"] },
        },
        rotation: { max_age_days: 30, warn_days: 7 },
        least_privilege: { ip_allowlist: false, stale_after_days: 60 },
        accountability: { enabled: false },
      }).policy,
    );
    expect(p.governance).toEqual({ repo: "security", dashboard: false });
    expect(p.rotation).toEqual({ enabled: true, maxAgeDays: 30, warnDays: 7 });
    expect(p.leastPrivilege).toMatchObject({ ipAllowlist: false, staleAfterDays: 60, wildcardScopes: true });
    expect(p.accountability.enabled).toBe(false);
    const due = {
      kind: "rotation",
      state: "due_soon",
      severity: "low",
      dueAt: "",
      dueBecause: "expiry",
    } as const;
    expect(issueLabels(due, p.labels)).toEqual([
      "moltbook-guard",
      "rotation-due-soon",
      "ops",
      "severity:low",
    ]);
    expect(dashboardLabels(p.labels)).toEqual(["moltbook-guard", "ops", "keys"]);
  });

  it("labels issues as the issue asks by default: app, kind, config labels, severity", () => {
    const p = governancePolicyFromConfig(loadPolicy({}).policy);
    const lp: GovernanceFinding = {
      kind: "least-privilege",
      severity: "high",
      violations: [{ check: "ip_allowlist" }],
    };
    const acc: GovernanceFinding = { kind: "accountability", severity: "low", missing: ["owner"] };
    expect(issueLabels(lp, p.labels)).toEqual(["moltbook-guard", "least-privilege", "severity:high"]);
    expect(issueLabels(acc, p.labels)).toEqual(["moltbook-guard", "key-ownership", "severity:low"]);
  });
});
