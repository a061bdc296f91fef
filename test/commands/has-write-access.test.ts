import { describe, expect, it } from "vitest";
import { hasWriteAccess } from "../../src/commands/has-write-access.js";

describe("hasWriteAccess", () => {
  it.each([
    ["admin", true],
    ["maintain", true],
    ["write", true],
    ["push", true],
    ["Admin", true],
    ["triage", false],
    ["read", false],
    ["pull", false],
    ["none", false],
    ["", false],
    ["owner", false],
    [null, false],
    [undefined, false],
  ])("%j → %s", (permission, expected) => {
    expect(hasWriteAccess(permission)).toBe(expected);
  });
});
