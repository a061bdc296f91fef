import { describe, expect, it } from "vitest";
import { evaluateKey } from "../../../src/governance/policy/evaluate-key.js";
import { DEFAULT_GOVERNANCE_POLICY as POLICY } from "../../../src/governance/policy/types.js";
import { NOW, daysFromNow, makeKey } from "../make-key.js";

describe("evaluateKey", () => {
  const cases: Array<[string, Parameters<typeof makeKey>[0], string, string[]]> = [
    ["healthy", {}, "healthy", []],
    ["healthy but unaccountable", { purpose: null }, "healthy", ["accountability"]],
    ["over-privileged", { scopes: ["*"] }, "over_privileged", ["least-privilege"]],
    [
      "due soon beats over-privileged",
      { scopes: ["*"], expires_at: daysFromNow(3) },
      "due_soon",
      ["rotation", "least-privilege"],
    ],
    ["overdue", { created_at: daysFromNow(-120), expires_at: daysFromNow(10) }, "overdue", ["rotation"]],
    [
      "expired beats everything",
      { expires_at: daysFromNow(-1), ip_allowlist: [], purpose: null },
      "expired",
      ["rotation", "least-privilege", "accountability"],
    ],
    ["revoked: no findings", { status: "revoked", scopes: ["*"], purpose: null }, "revoked", []],
    [
      "disabled by Moltbook: grouped with revoked",
      { status: "expired", expires_at: daysFromNow(-5) },
      "revoked",
      [],
    ],
  ];

  it.each(cases)("%s", (_name, overrides, state, kinds) => {
    const e = evaluateKey(makeKey(overrides), POLICY, NOW);
    expect(e.state).toBe(state);
    expect(e.findings.map((f) => f.kind)).toEqual(kinds);
  });

  it("the default policy is frozen", () => {
    expect(Object.isFrozen(POLICY.rotation)).toBe(true);
    expect(() => {
      (POLICY.rotation as { maxAgeDays: number }).maxAgeDays = 1;
    }).toThrow(TypeError);
  });
});
