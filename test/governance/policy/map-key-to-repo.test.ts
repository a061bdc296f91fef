import { describe, expect, it } from "vitest";
import { mapKeyToRepo } from "../../../src/governance/policy/map-key-to-repo.js";
import { resolveGovernanceRepo } from "../../../src/governance/policy/resolve-governance-repo.js";
import { makeKey } from "../make-key.js";

const INSTALLED = new Set(["acme/api", "acme/Web-App"]);

describe("mapKeyToRepo", () => {
  const cases: Array<[string, Parameters<typeof makeKey>[0], ReturnType<typeof mapKeyToRepo>]> = [
    [
      "project installed",
      {},
      { repo: "acme/api", via: "project", project: "acme/api", assignees: ["alice"] },
    ],
    [
      "project matched case-insensitively, spelled as installed",
      { project: "ACME/web-app" },
      { repo: "acme/Web-App", via: "project", project: "ACME/web-app", assignees: ["alice"] },
    ],
    [
      "project not installed → governance repo",
      { project: "acme/legacy" },
      { repo: "acme/.github", via: "governance", project: "acme/legacy", assignees: ["alice"] },
    ],
    [
      "no project → governance repo",
      { project: null },
      { repo: "acme/.github", via: "governance", project: null, assignees: ["alice"] },
    ],
    [
      "malformed project → governance repo",
      { project: "not a repo" },
      { repo: "acme/.github", via: "governance", project: null, assignees: ["alice"] },
    ],
    [
      "no login → nobody to assign",
      { owner: { email: "x@example.com", github_login: null } },
      { repo: "acme/api", via: "project", project: "acme/api", assignees: [] },
    ],
    [
      "leading @ is tolerated",
      { owner: { email: null, github_login: "@bob" } },
      { repo: "acme/api", via: "project", project: "acme/api", assignees: ["bob"] },
    ],
    [
      "an invalid login is not assigned",
      { owner: { email: null, github_login: "acme/security-team" } },
      { repo: "acme/api", via: "project", project: "acme/api", assignees: [] },
    ],
  ];

  it.each(cases)("%s", (_name, overrides, expected) => {
    expect(mapKeyToRepo(makeKey(overrides), INSTALLED, "acme/.github")).toEqual(expected);
  });
});

describe("resolveGovernanceRepo", () => {
  it.each([
    [null, "acme/.github"],
    [undefined, "acme/.github"],
    ["", "acme/.github"],
    ["security", "acme/security"],
    ["other-org/keys", "other-org/keys"],
  ])("%j → %s", (configured, expected) => {
    expect(resolveGovernanceRepo("acme", configured)).toBe(expected);
  });
});
