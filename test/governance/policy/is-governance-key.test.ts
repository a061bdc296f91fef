import { describe, expect, it } from "vitest";
import { isGovernanceKey } from "../../../src/governance/policy/is-governance-key.js";

describe("isGovernanceKey", () => {
  it.each([
    [["keys:read", "keys:revoke", "audit:read"], true],
    [["keys:read"], true],
    [["keys:read", "keys:revoke", "audit:read", "keys:admin"], true],
    [["keys:admin"], true],
    [[], false],
    [["*"], false],
    [["keys:read", "*"], false],
    [["keys:read", "posts:write"], false],
    [["keys:admin", "agents:write"], false],
  ])("%j → %s", (scopes, expected) => {
    expect(isGovernanceKey({ scopes })).toBe(expected);
  });
});
