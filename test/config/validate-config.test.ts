import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, validateConfig, type RepoConfig } from "../../src/config/index.js";
import { randomKey } from "../support/moltbook/random-key.js";
import { loadFixture } from "./load-fixture.js";

const FP1 = `sha256:${"0".repeat(63)}1`;

/** The defaults with some sections replaced. */
function defaultsWith(
  patch: Partial<{ [K in keyof RepoConfig]: Partial<RepoConfig[K]> | RepoConfig[K] }>,
): RepoConfig {
  const out = structuredClone(DEFAULT_CONFIG) as RepoConfig;
  const target = out as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch) as [string, unknown][]) {
    const current = target[key];
    target[key] =
      current && typeof current === "object" && !Array.isArray(current)
        ? { ...(current as object), ...(value as object) }
        : value;
  }
  return out;
}

describe("validateConfig: valid files", () => {
  it.each([
    ["empty.yml", DEFAULT_CONFIG],
    ["empty-sections.yml", DEFAULT_CONFIG],
    ["dry-run.yml", defaultsWith({ dry_run: true })],
    ["extends.yml", defaultsWith({ dry_run: true })],
    ["report-public.yml", defaultsWith({ revocation: { public: "report", private: "auto" } })],
    [
      "paths-ignore.yml",
      defaultsWith({ paths_ignore: ["docs/**", "**/*.snap", "./examples/", "/vendor/**"] }),
    ],
    [
      "ignore-fingerprints.yml",
      defaultsWith({
        ignore: [
          { fingerprint: FP1, reason: "documentation sample, revoked" },
          { fingerprint: `sha256:${"0".repeat(62)}ff`, reason: "test fixture" },
        ],
      }),
    ],
    [
      "governance.yml",
      defaultsWith({
        governance: {
          ...DEFAULT_CONFIG.governance,
          repo: "security",
          schedule: { interval_hours: 12, jitter_minutes: 60 },
        },
        // An unset warning period shrinks to fit a short maximum age.
        rotation: { enabled: true, max_age_days: 7, warn_days: 6 },
      }),
    ],
  ])("%s", (fixture, expected) => {
    expect(validateConfig(loadFixture(fixture))).toEqual({ config: expected, errors: [] });
  });

  it("full.yml: every option read", () => {
    const { config, errors } = validateConfig(loadFixture("full.yml"));
    expect(errors).toEqual([]);
    expect(config).toEqual({
      revocation: { public: "report", private: "off" },
      dry_run: true,
      paths_ignore: ["docs/**", "**/*.md", "test/fixtures/"],
      ignore: [{ fingerprint: FP1, reason: "documentation sample, revoked" }],
      pull_request: { comment: false, suggestions: false, check_run: false },
      issues: { labels: ["security", "secrets"], assign_pusher: false },
      scan: { max_blob_bytes: 2_097_152, commit_messages: false, pr_body: false },
      governance: {
        repo: "acme/security",
        schedule: { interval_hours: 12, jitter_minutes: 5 },
        dashboard: false,
        labels: {
          rotation: ["rotate"],
          least_privilege: ["scopes"],
          accountability: ["owner"],
          anomaly: ["anomaly"],
          dashboard: ["dashboard"],
        },
      },
      rotation: { enabled: false, max_age_days: 30, warn_days: 7 },
      least_privilege: {
        enabled: false,
        wildcard_scopes: false,
        ip_allowlist: false,
        expiry: false,
        stale_after_days: 60,
      },
      accountability: { enabled: false },
    });
  });

  it("a missing file (null or undefined) means the defaults, not an error", () => {
    expect(validateConfig(null)).toEqual({ config: DEFAULT_CONFIG, errors: [] });
    expect(validateConfig(undefined)).toEqual({ config: DEFAULT_CONFIG, errors: [] });
  });

  it("DEFAULT_CONFIG is what an empty file gives, frozen; the result is the caller's own copy", () => {
    expect(Object.isFrozen(DEFAULT_CONFIG.issues.labels)).toBe(true);
    const { config } = validateConfig({});
    config.issues.labels.push("mine");
    expect(DEFAULT_CONFIG.issues.labels).toEqual(["moltbook-guard", "leaked-key"]);
    expect(validateConfig({}).config.issues.labels).toEqual(["moltbook-guard", "leaked-key"]);
  });

  it("does not change its input", () => {
    const raw = loadFixture("invalid-types.yml");
    const before = structuredClone(raw);
    validateConfig(raw);
    expect(raw).toEqual(before);
  });
});

describe("validateConfig: invalid files", () => {
  // Invalid options fall back to their defaults and invalid list entries are dropped; the rest of the file applies.
  it.each<[string, string[], RepoConfig]>([
    [
      "invalid-revocation.yml",
      [
        'revocation.public: expected one of auto, report, off, got "yes". To resolve, set revocation.public to auto, report or off.',
        "revocation.pubic: unknown option; did you mean revocation.public? To resolve, rename it to public or remove it.",
      ],
      DEFAULT_CONFIG,
    ],
    [
      "invalid-types.yml",
      [
        'dry_run: expected true or false, got "yes". To resolve, set dry_run to true or false.',
        'paths_ignore: expected a list, got "docs/**". To resolve, write paths_ignore as a YAML list, e.g. ["docs/**", "**/*.md"].',
        "scan.max_blob_bytes: expected a whole number of bytes from 1024 to 104857600, got 0.5. To resolve, set scan.max_blob_bytes to a whole number of bytes from 1024 to 104857600.",
        "scan.commit_messages: expected true or false, got 1. To resolve, set scan.commit_messages to true or false.",
        'governance.repo: expected null, a repository name or "owner/name", got "not a repo". To resolve, set governance.repo to a repository such as ".github" or "acme/security", or remove it.',
        "governance.schedule.interval_hours: expected a whole number of hours from 1 to 720, got 0. To resolve, set governance.schedule.interval_hours to a whole number of hours from 1 to 720.",
      ],
      DEFAULT_CONFIG,
    ],
    [
      "invalid-ignore.yml",
      [
        'ignore[1].fingerprint: expected a fingerprint ("sha256:" and 64 lower-case hex digits), got "SHA256:ABC". To resolve, copy the fingerprint from the incident issue or check run.',
        'ignore[2].reason: missing. To resolve, say why this key may stay, e.g. reason: "documentation sample, revoked".',
        `ignore[3]: expected an entry with fingerprint and reason, got "sha256:${"0".repeat(50)}...". To resolve, write it as { fingerprint: "sha256:…", reason: "…" }.`,
      ],
      defaultsWith({ ignore: [{ fingerprint: FP1, reason: "kept" }] }),
    ],
    [
      "unknown-keys.yml",
      [
        "pull_request.check-run: unknown option; did you mean pull_request.check_run? To resolve, rename it to check_run or remove it.",
        "dryrun: unknown option; did you mean dry_run? To resolve, rename it to dry_run or remove it.",
        "pathsIgnore: unknown option; did you mean paths_ignore? To resolve, rename it to paths_ignore or remove it.",
        "public: unknown option here; did you mean revocation.public? To resolve, move it under revocation: or remove it.",
        "color: unknown option. To resolve, remove it, or use one of: revocation, dry_run, paths_ignore, ignore, pull_request, issues, scan, governance, rotation, least_privilege, accountability.",
      ],
      DEFAULT_CONFIG,
    ],
    [
      "invalid-labels.yml",
      [
        'issues.labels[0]: expected a label name of 1 to 50 characters, got "". To resolve, use a non-empty label of at most 50 characters.',
        'issues.labels[1]: expected a label name of 1 to 50 characters, got "this label is far too long to be a label on github at all". To resolve, use a non-empty label of at most 50 characters.',
      ],
      defaultsWith({ issues: { labels: ["ok"], assign_pusher: true } }),
    ],
    [
      "rotation-warn-too-long.yml",
      [
        "rotation.warn_days: expected fewer days than rotation.max_age_days (30), got 40. To resolve, lower rotation.warn_days or raise rotation.max_age_days.",
      ],
      defaultsWith({ rotation: { enabled: true, max_age_days: 30, warn_days: 14 } }),
    ],
    [
      "not-a-mapping.yml",
      [
        '.github/moltbook-guard.yml: expected a mapping of options, got a list. To resolve, write the file as "option: value" lines, e.g. "dry_run: false"; meanwhile the defaults apply.',
      ],
      DEFAULT_CONFIG,
    ],
    [
      "section-not-a-mapping.yml",
      [
        'revocation: expected a mapping of options, got "report". To resolve, indent the options under revocation:, or remove it.',
      ],
      defaultsWith({ dry_run: true }),
    ],
  ])("%s", (fixture, messages, config) => {
    const result = validateConfig(loadFixture(fixture));
    expect(result.errors.map((e) => e.message)).toEqual(messages);
    expect(result.config).toEqual(config);
  });

  it("gives each error's path on its own", () => {
    const { errors } = validateConfig(loadFixture("invalid-ignore.yml"));
    expect(errors.map((e) => e.path)).toEqual(["ignore[1].fingerprint", "ignore[2].reason", "ignore[3]"]);
  });

  it("never echoes a key pasted where a fingerprint belongs", () => {
    const key = randomKey();
    const { config, errors } = validateConfig({
      ignore: [{ fingerprint: key, reason: "oops" }],
      dry_run: key,
    });
    expect(config.ignore).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual([
      `dry_run: expected true or false, got ${JSON.stringify(key.slice(0, 16) + "…" + key.slice(-4))}. To resolve, set dry_run to true or false.`,
      "ignore[0].fingerprint: this is a Moltbook key, not its fingerprint. To resolve, revoke the key, remove it from this file and its history, and list its fingerprint (sha256:…) instead.",
    ]);
    expect(JSON.stringify(errors)).not.toContain(key);
  });

  it("reports an invalid glob", () => {
    const { config, errors } = validateConfig({ paths_ignore: ["docs/**", "  "] });
    expect(config.paths_ignore).toEqual(["docs/**"]);
    expect(errors.map((e) => e.message)).toEqual([
      'paths_ignore[1]: expected a glob pattern such as "docs/**" or "**/*.md", got "". To resolve, quote the pattern and check its brackets.',
    ]);
  });
});
