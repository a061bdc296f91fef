import { describe, expect, it } from "vitest";
import { commandJobFromComment, type IssueCommentWebhook } from "../../../src/commands/run/command-job.js";
import { randomKey } from "../../support/moltbook/random-key.js";

function payload(
  overrides: {
    body?: string;
    sender?: string;
    senderType?: string;
    pr?: boolean;
    installation?: boolean;
  } = {},
): IssueCommentWebhook {
  const sender = { login: overrides.sender ?? "alice", type: overrides.senderType ?? "User" };
  return {
    comment: { id: 77, body: overrides.body ?? "/moltbook-guard sweep", user: sender },
    issue: {
      number: 5,
      body: "<!-- moltbook-guard:dashboard -->",
      user: { type: "Bot" },
      ...(overrides.pr ? { pull_request: {} } : {}),
    },
    repository: {
      full_name: "acme/.github",
      html_url: "https://github.com/acme/.github",
      default_branch: "main",
      private: true,
    },
    installation: overrides.installation === false ? null : { id: 9 },
    sender,
  };
}

describe("commandJobFromComment", () => {
  it("records the parsed command, keyed by the comment, with ids only", () => {
    const result = commandJobFromComment(payload());
    expect(result).toEqual({
      job: {
        kind: "governance_command",
        dedupeKey: "command:acme/.github:77",
        payload: {
          installationId: 9,
          repo: {
            fullName: "acme/.github",
            htmlUrl: "https://github.com/acme/.github",
            defaultBranch: "main",
            visibility: "private",
          },
          number: 5,
          commentId: 77,
          actor: "alice",
          target: { place: "dashboard" },
          command: { name: "sweep", args: {} },
        },
      },
    });
  });

  it.each([
    [
      "a bot's comment (the app's own replies)",
      payload({ sender: "moltbook-guard[bot]", senderType: "Bot" }),
      "a bot's comment",
    ],
    ["no command", payload({ body: "thanks!" }), "no command"],
    ["no installation", payload({ installation: false }), "no installation"],
  ])("skips %s", (_name, p, reason) => {
    expect(commandJobFromComment(p)).toEqual({ skip: reason });
  });

  it("keeps a reason with a pasted key only in redacted form", () => {
    const key = randomKey();
    const result = commandJobFromComment(
      payload({ body: `/moltbook-guard ignore test fixture ${key}`, pr: true }),
    );
    expect(JSON.stringify(result)).not.toContain(key);
    expect(result).toMatchObject({
      job: { payload: { target: { place: "pull_request" }, command: { name: "ignore" } } },
    });
  });

  it("keeps a command it could not read, to answer it", () => {
    expect(commandJobFromComment(payload({ body: "/moltbook-guard snooze forever" }))).toMatchObject({
      job: { payload: { command: { error: expect.stringMatching(/needs a duration/) } } },
    });
  });
});
