import { describe, expect, it } from "vitest";
import { commandAvailability } from "../../src/commands/command-availability.js";
import type { CommandName, CommandPlace } from "../../src/commands/types.js";

describe("commandAvailability", () => {
  it.each<[CommandName, CommandPlace, boolean, boolean]>([
    ["help", "pull_request", true, true],
    ["help", "dashboard", true, true],
    ["sweep", "dashboard", true, true],
    ["sweep", "governance_issue", true, true],
    ["sweep", "pull_request", true, false],
    ["rescan", "pull_request", true, true],
    ["rescan", "incident", true, true],
    ["rescan", "dashboard", true, false],
    ["revoke", "incident", false, true],
    ["revoke", "incident", true, false],
    ["revoke", "pull_request", false, true],
    ["revoke", "pull_request", true, false],
    ["revoke", "governance_issue", true, true],
    ["revoke", "dashboard", false, false],
    ["snooze", "governance_issue", true, true],
    ["snooze", "dashboard", true, true],
    ["snooze", "incident", true, false],
    ["ignore", "incident", true, true],
    ["ignore", "pull_request", true, true],
    ["ignore", "governance_issue", true, false],
  ])("%s on %s (auto-revocation %s) → %s", (name, place, autoRevocation, ok) => {
    expect(commandAvailability(name, place, { autoRevocation }).ok).toBe(ok);
  });

  it("explains a refusal", () => {
    expect(commandAvailability("ignore", "dashboard", { autoRevocation: true })).toEqual({
      ok: false,
      reason: "it works on pull requests, leak incidents, not on the governance dashboard",
    });
    expect(commandAvailability("revoke", "incident", { autoRevocation: true })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("automatic revocation is on"),
    });
  });
});
