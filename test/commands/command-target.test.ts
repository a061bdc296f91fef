import { describe, expect, it } from "vitest";
import { incidentMarker } from "../../src/act/render/index.js";
import { commandTarget } from "../../src/commands/command-target.js";
import { issueMarker } from "../../src/governance/render/issue-marker.js";

const fp = `sha256:${"b".repeat(64)}`;

describe("commandTarget", () => {
  it.each([
    ["any pull request", { body: "hello", userType: "User", isPullRequest: true }, { place: "pull_request" }],
    [
      "a leak incident",
      { body: `${incidentMarker(fp)}\n…`, userType: "Bot", isPullRequest: false },
      { place: "incident", fingerprint: fp },
    ],
    [
      "a governance issue",
      { body: `${issueMarker("key_7", "least-privilege")}\n…`, userType: "Bot", isPullRequest: false },
      { place: "governance_issue", keyId: "key_7", kind: "least-privilege" },
    ],
    [
      "the dashboard",
      { body: "<!-- moltbook-guard:dashboard -->\n…", userType: "Bot", isPullRequest: false },
      { place: "dashboard" },
    ],
    ["someone else's issue", { body: "a bug", userType: "User", isPullRequest: false }, null],
    [
      "a person's issue with a copied marker",
      { body: incidentMarker(fp), userType: "User", isPullRequest: false },
      null,
    ],
    [
      "a bot's issue that is not the app's",
      { body: "release notes", userType: "Bot", isPullRequest: false },
      null,
    ],
  ] as const)("%s", (_name, thread, expected) => {
    expect(commandTarget(thread)).toEqual(expected);
  });
});
