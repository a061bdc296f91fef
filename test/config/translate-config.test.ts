import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, loadPolicy, translateConfig, validateConfig } from "../../src/config/index.js";
import { loadFixture } from "./load-fixture.js";

const policyOf = (fixture: string) => translateConfig(validateConfig(loadFixture(fixture)).config);

describe("translateConfig", () => {
  it("turns the defaults into a policy in camelCase", () => {
    const policy = translateConfig(DEFAULT_CONFIG);
    expect(policy).toMatchObject({
      revocation: { public: "auto", private: "auto", internal: "auto" },
      dryRun: false,
      pathsIgnore: [],
      pullRequest: { comment: true, suggestions: true, checkRun: true },
      issues: { labels: ["moltbook-guard", "leaked-key"], assignPusher: true },
      scan: { maxBlobBytes: 1_048_576, commitMessages: true, prBody: true },
      governance: {
        repo: null,
        schedule: { intervalHours: 24, jitterMinutes: 60 },
        dashboard: true,
        labels: { leastPrivilege: ["moltbook-guard", "least-privilege"] },
      },
      rotation: { enabled: true, maxAgeDays: 90, warnDays: 14 },
      leastPrivilege: {
        enabled: true,
        wildcardScopes: true,
        ipAllowlist: true,
        expiry: true,
        staleAfterDays: 30,
      },
      accountability: { enabled: true },
    });
    expect(policy.ignoredFingerprints.size).toBe(0);
    expect(policy.matchesIgnoredPath("anything/at/all.env")).toBe(false);
  });

  it("lets internal repositories follow private", () => {
    const policy = translateConfig(
      validateConfig({ revocation: { public: "auto", private: "report" } }).config,
    );
    expect(policy.revocationModeFor("public")).toBe("auto");
    expect(policy.revocationModeFor("private")).toBe("report");
    expect(policy.revocationModeFor("internal")).toBe("report");
  });

  it("compiles paths_ignore, with dot files and gitignore habits", () => {
    const policy = policyOf("paths-ignore.yml");
    expect(policy.pathsIgnore).toEqual(["docs/**", "**/*.snap", "./examples/", "/vendor/**"]);
    const cases: [string, boolean][] = [
      ["docs/setup.md", true],
      ["docs/.env", true],
      ["src/__snapshots__/app.test.ts.snap", true],
      ["examples/bot/.env", true],
      ["./vendor/lib/config.js", true],
      ["src/docs/readme.md", false],
      ["src/app.ts", false],
      [".env", false],
      ["documentation/x.md", false],
    ];
    for (const [path, ignored] of cases) expect(policy.matchesIgnoredPath(path), path).toBe(ignored);
  });

  it("maps ignored fingerprints to their reasons", () => {
    const policy = policyOf("ignore-fingerprints.yml");
    const fp = `sha256:${"0".repeat(63)}1`;
    expect(policy.ignoredFingerprints.get(fp)).toBe("documentation sample, revoked");
    expect(policy.ignoredReason(fp)).toBe("documentation sample, revoked");
    expect(policy.ignoredReason(`sha256:${"0".repeat(64)}`)).toBeUndefined();
  });

  it("names the governance repository", () => {
    expect(translateConfig(DEFAULT_CONFIG).governanceRepoFor("acme")).toBe("acme/.github");
    expect(policyOf("governance.yml").governanceRepoFor("acme")).toBe("acme/security");
    expect(policyOf("full.yml").governanceRepoFor("other")).toBe("acme/security");
  });

  it("drops duplicate labels", () => {
    const policy = translateConfig(validateConfig({ issues: { labels: ["a", "b", "a"] } }).config);
    expect(policy.issues.labels).toEqual(["a", "b"]);
  });

  it("is immutable all the way down", () => {
    const policy = policyOf("full.yml");
    expect(Object.isFrozen(policy)).toBe(true);
    expect(Object.isFrozen(policy.governance.labels.rotation)).toBe(true);
    expect(() => {
      (policy as { dryRun: boolean }).dryRun = false;
    }).toThrow(TypeError);
    expect(() => (policy.issues.labels as string[]).push("x")).toThrow(TypeError);
    expect(() => (policy.ignoredFingerprints as Map<string, string>).set("sha256:x", "y")).toThrow(
      /read-only/,
    );
    expect(() => (policy.ignoredFingerprints as Map<string, string>).delete("sha256:x")).toThrow(/read-only/);
  });

  it("loadPolicy runs both stages and returns the errors", () => {
    const { policy, errors } = loadPolicy(loadFixture("section-not-a-mapping.yml"));
    expect(policy.dryRun).toBe(true);
    expect(policy.revocation.public).toBe("auto");
    expect(errors).toHaveLength(1);
  });
});
