import { describe, expect, it } from "vitest";
import { keyInScope } from "../../../src/governance/sweep/key-in-scope.js";

describe("keyInScope", () => {
  it.each([
    ["acme/api", true],
    ["ACME/api", true],
    ["globex/api", false],
    [null, true],
    ["", true],
    ["not a project", true],
    ["acme/", true],
  ])("project %j is acme's: %s", (project, expected) => {
    expect(keyInScope({ project }, "acme")).toBe(expected);
  });
});
