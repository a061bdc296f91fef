import { describe, expect, it } from "vitest";
import { planIssueAction, type ExistingIssue } from "../../../src/governance/policy/plan-issue-action.js";

const open = (hash: string | null): ExistingIssue => ({ state: "open", hash });
const closed = (hash: string | null): ExistingIssue => ({ state: "closed", hash });

describe("planIssueAction", () => {
  it.each([
    ["in policy, no issue", null, null, false, "none"],
    ["in policy, open issue → close", null, open("h1"), false, "close"],
    ["in policy, closed issue", null, closed("h1"), false, "none"],
    ["out of policy, no issue → create", "h1", null, false, "create"],
    ["unchanged → nothing (no churn)", "h1", open("h1"), false, "none"],
    ["changed → update", "h2", open("h1"), false, "update"],
    ["hash unknown after store loss → update once", "h1", open(null), false, "update"],
    ["back out of policy → reopen", "h1", closed("h1"), false, "reopen"],
    ["snoozed: no new issue", "h1", null, true, "none"],
    ["snoozed: no reopen", "h1", closed("h1"), true, "none"],
    ["snoozed: open issue still kept accurate", "h2", open("h1"), true, "update"],
    ["snoozed: open issue still closes when fixed", null, open("h1"), true, "close"],
  ] as const)("%s", (_name, desired, existing, snoozed, expected) => {
    expect(planIssueAction(desired, existing, { snoozed })).toBe(expected);
  });
});
