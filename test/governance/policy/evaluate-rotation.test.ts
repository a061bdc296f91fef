import { describe, expect, it } from "vitest";
import { evaluateRotation } from "../../../src/governance/policy/evaluate-rotation.js";
import { DEFAULT_GOVERNANCE_POLICY as POLICY } from "../../../src/governance/policy/types.js";
import { DAY, NOW, daysFromNow, makeKey } from "../make-key.js";

describe("evaluateRotation", () => {
  const cases: Array<[string, Parameters<typeof makeKey>[0], ReturnType<typeof evaluateRotation>]> = [
    ["young key with a far expiry", { created_at: daysFromNow(-10), expires_at: daysFromNow(60) }, null],
    [
      "exactly 90 days old is not yet overdue (but due now)",
      { created_at: daysFromNow(-90), expires_at: null },
      {
        kind: "rotation",
        state: "due_soon",
        severity: "low",
        dueAt: NOW.toISOString(),
        dueBecause: "max_age",
      },
    ],
    [
      "90 days and 1 ms old is overdue",
      { created_at: daysFromNow(-90, -1), expires_at: null },
      {
        kind: "rotation",
        state: "overdue",
        severity: "medium",
        dueAt: daysFromNow(0, -1),
        dueBecause: "max_age",
      },
    ],
    [
      "200 days old is overdue",
      { created_at: daysFromNow(-200), expires_at: daysFromNow(30) },
      {
        kind: "rotation",
        state: "overdue",
        severity: "medium",
        dueAt: daysFromNow(-110),
        dueBecause: "max_age",
      },
    ],
    [
      "expiring in exactly 14 days is due soon",
      { expires_at: daysFromNow(14) },
      { kind: "rotation", state: "due_soon", severity: "low", dueAt: daysFromNow(14), dueBecause: "expiry" },
    ],
    ["expiring in 14 days and 1 ms is not", { expires_at: daysFromNow(14, 1) }, null],
    [
      "reaching 90 days in exactly 14 days is due soon",
      { created_at: daysFromNow(-76), expires_at: null },
      { kind: "rotation", state: "due_soon", severity: "low", dueAt: daysFromNow(14), dueBecause: "max_age" },
    ],
    ["reaching 90 days in 15 days is not", { created_at: daysFromNow(-75), expires_at: null }, null],
    [
      "expired yesterday and still active",
      { expires_at: daysFromNow(-1) },
      { kind: "rotation", state: "expired", severity: "high", dueAt: daysFromNow(-1), dueBecause: "expiry" },
    ],
    [
      "expiring exactly now counts as expired",
      { expires_at: NOW.toISOString() },
      {
        kind: "rotation",
        state: "expired",
        severity: "high",
        dueAt: NOW.toISOString(),
        dueBecause: "expiry",
      },
    ],
    [
      "expired and overdue: expired wins",
      { created_at: daysFromNow(-300), expires_at: daysFromNow(-1) },
      {
        kind: "rotation",
        state: "expired",
        severity: "high",
        dueAt: daysFromNow(-210),
        dueBecause: "max_age",
      },
    ],
    [
      "revoked keys are not rotated",
      { status: "revoked", created_at: daysFromNow(-300), revoked_at: daysFromNow(-2) },
      null,
    ],
    [
      "keys Moltbook reports expired are not rotated",
      { status: "expired", expires_at: daysFromNow(-3) },
      null,
    ],
    ["unreadable created_at and no expiry", { created_at: "not a date", expires_at: null }, null],
  ];

  it.each(cases)("%s", (_name, overrides, expected) => {
    expect(evaluateRotation(makeKey(overrides), POLICY, NOW)).toEqual(expected);
  });

  it("follows max_age_days and warn_days", () => {
    const policy = { rotation: { enabled: true, maxAgeDays: 30, warnDays: 3 } };
    expect(
      evaluateRotation(makeKey({ created_at: daysFromNow(-31), expires_at: null }), policy, NOW)?.state,
    ).toBe("overdue");
    expect(
      evaluateRotation(makeKey({ created_at: daysFromNow(-27), expires_at: null }), policy, NOW)?.state,
    ).toBe("due_soon");
    expect(
      evaluateRotation(makeKey({ created_at: daysFromNow(-26), expires_at: null }), policy, NOW),
    ).toBeNull();
  });

  it("switched off, reports nothing", () => {
    const policy = { rotation: { ...POLICY.rotation, enabled: false } };
    expect(evaluateRotation(makeKey({ expires_at: daysFromNow(-1) }), policy, NOW)).toBeNull();
  });

  it("depends on now only through the argument", () => {
    const key = makeKey({ created_at: new Date(NOW.getTime() - 80 * DAY).toISOString(), expires_at: null });
    expect(evaluateRotation(key, POLICY, new Date(NOW.getTime() - 10 * DAY))).toBeNull();
    expect(evaluateRotation(key, POLICY, NOW)?.state).toBe("due_soon");
    expect(evaluateRotation(key, POLICY, new Date(NOW.getTime() + 11 * DAY))?.state).toBe("overdue");
  });
});
