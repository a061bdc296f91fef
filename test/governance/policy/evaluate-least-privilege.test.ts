import { describe, expect, it } from "vitest";
import { evaluateLeastPrivilege } from "../../../src/governance/policy/evaluate-least-privilege.js";
import {
  DEFAULT_GOVERNANCE_POLICY as POLICY,
  type GovernancePolicy,
} from "../../../src/governance/policy/types.js";
import { NOW, daysFromNow, makeKey } from "../make-key.js";

type Overrides = Parameters<typeof makeKey>[0];

function checks(overrides: Overrides, policy: GovernancePolicy = POLICY): string[] {
  return evaluateLeastPrivilege(makeKey(overrides), policy, NOW)?.violations.map((v) => v.check) ?? [];
}

function withLp(lp: Partial<GovernancePolicy["leastPrivilege"]>): GovernancePolicy {
  return { ...POLICY, leastPrivilege: { ...POLICY.leastPrivilege, ...lp } };
}

describe("evaluateLeastPrivilege", () => {
  const cases: Array<[string, Overrides, string[]]> = [
    ["a well-kept key", {}, []],
    ["scope *", { scopes: ["*"] }, ["wildcard_scopes"]],
    ["keys:admin next to posting scopes", { scopes: ["posts:write", "keys:admin"] }, ["wildcard_scopes"]],
    ["the app's own governance key", { scopes: ["keys:read", "keys:revoke", "audit:read"] }, []],
    ["a provisioning key (governance scopes and keys:admin)", { scopes: ["keys:read", "keys:admin"] }, []],
    ["keys:admin alone", { scopes: ["keys:admin"] }, []],
    ["* on an otherwise governance-looking key", { scopes: ["keys:read", "*"] }, ["wildcard_scopes"]],
    ["no IP allowlist", { ip_allowlist: [] }, ["ip_allowlist"]],
    ["no expiry", { expires_at: null }, ["expiry"]],
    ["expiry exactly 90 days away", { expires_at: daysFromNow(90) }, []],
    ["expiry 90 days and 1 ms away", { expires_at: daysFromNow(90, 1) }, ["expiry"]],
    ["used exactly 30 days ago", { last_used_at: daysFromNow(-30) }, []],
    ["used 30 days and 1 ms ago", { last_used_at: daysFromNow(-30, -1) }, ["stale"]],
    ["never used, created 31 days ago", { last_used_at: null, created_at: daysFromNow(-31) }, ["stale"]],
    ["never used, created yesterday", { last_used_at: null, created_at: daysFromNow(-1) }, []],
    [
      "everything at once, in a fixed order",
      { scopes: ["*"], ip_allowlist: [], expires_at: null, last_used_at: daysFromNow(-40) },
      ["wildcard_scopes", "ip_allowlist", "expiry", "stale"],
    ],
    ["a revoked key is not judged", { status: "revoked", scopes: ["*"], ip_allowlist: [] }, []],
  ];

  it.each(cases)("%s", (_name, overrides, expected) => {
    expect(checks(overrides)).toEqual(expected);
  });

  const offCases: Array<[string, Partial<GovernancePolicy["leastPrivilege"]>, Overrides]> = [
    ["wildcard check off", { wildcardScopes: false }, { scopes: ["*"] }],
    ["allowlist check off", { ipAllowlist: false }, { ip_allowlist: [] }],
    ["expiry check off", { expiry: false }, { expires_at: null }],
    ["stale check off with null", { staleAfterDays: null }, { last_used_at: daysFromNow(-365) }],
    ["stale check off with 0", { staleAfterDays: 0 }, { last_used_at: daysFromNow(-365) }],
    ["whole family off", { enabled: false }, { scopes: ["*"], ip_allowlist: [], expires_at: null }],
  ];

  it.each(offCases)("%s", (_name, lp, overrides) => {
    expect(checks(overrides, withLp(lp))).toEqual([]);
  });

  it("uses rotation.maxAgeDays for the expiry limit and staleAfterDays for staleness", () => {
    const policy = { ...withLp({ staleAfterDays: 7 }), rotation: { ...POLICY.rotation, maxAgeDays: 30 } };
    expect(checks({ expires_at: daysFromNow(31), last_used_at: daysFromNow(-8) }, policy)).toEqual([
      "expiry",
      "stale",
    ]);
  });

  it("rates severity by the worst violation and keeps the data a renderer needs", () => {
    const f = evaluateLeastPrivilege(
      makeKey({
        scopes: ["posts:write", "*", "keys:admin"],
        last_used_at: null,
        created_at: daysFromNow(-40),
      }),
      POLICY,
      NOW,
    );
    expect(f).toEqual({
      kind: "least-privilege",
      severity: "high",
      violations: [
        { check: "wildcard_scopes", scopes: ["*", "keys:admin"] },
        { check: "stale", lastUsedAt: null },
      ],
    });
    expect(evaluateLeastPrivilege(makeKey({ ip_allowlist: [] }), POLICY, NOW)?.severity).toBe("medium");
    expect(evaluateLeastPrivilege(makeKey({ last_used_at: daysFromNow(-31) }), POLICY, NOW)?.severity).toBe(
      "low",
    );
  });
});
