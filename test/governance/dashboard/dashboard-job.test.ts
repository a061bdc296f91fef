import { describe, expect, it } from "vitest";
import {
  dashboardJobFromEdit,
  type IssuesEditedWebhook,
} from "../../../src/governance/dashboard/dashboard-job.js";

const before = [
  "<!-- moltbook-guard:dashboard -->",
  "- [ ] <!-- sweep-now --> Sweep now",
  "- [ ] <!-- revoke:key_1 --> **one**",
  "- [ ] <!-- revoke:key_2 --> **two**",
].join("\n");

function edit(
  after: string,
  overrides: Partial<{ senderType: string; authorType: string; from: string | null }> = {},
): IssuesEditedWebhook {
  return {
    issue: { number: 3, body: after, user: { type: overrides.authorType ?? "Bot" } },
    changes: { body: { from: overrides.from === undefined ? before : overrides.from } },
    repository: { full_name: "acme/.github", html_url: "https://github.com/acme/.github", private: false },
    installation: { id: 4 },
    sender: { login: "mia", type: overrides.senderType ?? "User" },
  };
}

describe("dashboardJobFromEdit", () => {
  it("turns newly ticked boxes into one job per delivery", () => {
    const after = before
      .replace("- [ ] <!-- revoke:key_2 -->", "- [x] <!-- revoke:key_2 -->")
      .replace("- [ ] <!-- sweep-now -->", "- [x] <!-- sweep-now -->");
    expect(dashboardJobFromEdit(edit(after), "d-1")).toEqual({
      job: {
        kind: "governance_dashboard_actions",
        dedupeKey: "dashboard:acme/.github#3:d-1",
        payload: {
          installationId: 4,
          repo: {
            fullName: "acme/.github",
            htmlUrl: "https://github.com/acme/.github",
            defaultBranch: "main",
            visibility: "public",
          },
          number: 3,
          actor: "mia",
          actions: [{ type: "sweep" }, { type: "revoke", keyId: "key_2" }],
        },
      },
    });
  });

  it.each([
    [
      "the app's own edit (unticking)",
      edit(before.replace("[ ] <!-- revoke:key_1", "[x] <!-- revoke:key_1"), { senderType: "Bot" }),
      "a bot's edit",
    ],
    ["an issue that is not the dashboard", edit("a bug"), "not the dashboard"],
    ["a person's copy of the dashboard", edit(before, { authorType: "User" }), "not the dashboard"],
    ["an edit that ticks nothing", edit(`${before}\nmore text`), "no box newly ticked"],
    [
      "an edit without the old body",
      edit(before.replace("[ ] <!-- revoke:key_1", "[x] <!-- revoke:key_1"), { from: null }),
      "no box newly ticked",
    ],
  ])("skips %s", (_name, payload, reason) => {
    expect(dashboardJobFromEdit(payload, "d")).toEqual({ skip: reason });
  });
});
