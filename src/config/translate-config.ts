import picomatch from "picomatch";
import { deepFreeze, FrozenMap } from "./deep-freeze.js";
import type { Policy } from "./policy.js";
import type { RepoConfig } from "./repo-config.js";

/** gitignore habits: `./docs/x` and `/docs/x` mean `docs/x`; a trailing `/` means everything below. */
function normalisePattern(pattern: string): string {
  const p = pattern.replace(/^\.\//, "").replace(/^\/+/, "");
  return p.endsWith("/") ? `${p}**` : p;
}

function normalisePath(path: string): string {
  return path.replace(/\\/g, "/").replace(/^\.\//, "").replace(/^\/+/, "");
}

const unique = (values: readonly string[]) => [...new Set(values)];

/**
 * Stage two: a validated config in, an immutable policy out, with the globs compiled once. Pure:
 * no I/O, no clock; call it once per config load and share the result.
 */
export function translateConfig(config: RepoConfig): Policy {
  const pathsIgnore = [...config.paths_ignore];
  const patterns = pathsIgnore.map(normalisePattern);
  // dot: a leaked key in `.env` or `.github/` is as leaked as anywhere else, and as ignorable.
  const isIgnoredPath = patterns.length ? picomatch(patterns, { dot: true }) : () => false;
  const ignored = new FrozenMap(config.ignore.map((entry) => [entry.fingerprint, entry.reason] as const));
  const revocation = {
    public: config.revocation.public,
    private: config.revocation.private,
    internal: config.revocation.private,
  };
  const governanceRepo = config.governance.repo;
  const labels = config.governance.labels;

  const policy: Policy = {
    revocation,
    revocationModeFor: (visibility) => revocation[visibility] ?? revocation.private,
    dryRun: config.dry_run,
    pathsIgnore,
    matchesIgnoredPath: (path) => isIgnoredPath(normalisePath(path)),
    ignoredFingerprints: ignored,
    ignoredReason: (fingerprint) => ignored.get(fingerprint),
    pullRequest: {
      comment: config.pull_request.comment,
      suggestions: config.pull_request.suggestions,
      checkRun: config.pull_request.check_run,
    },
    issues: { labels: unique(config.issues.labels), assignPusher: config.issues.assign_pusher },
    scan: {
      maxBlobBytes: config.scan.max_blob_bytes,
      commitMessages: config.scan.commit_messages,
      prBody: config.scan.pr_body,
    },
    governance: {
      repo: governanceRepo,
      schedule: {
        intervalHours: config.governance.schedule.interval_hours,
        jitterMinutes: config.governance.schedule.jitter_minutes,
      },
      dashboard: config.governance.dashboard,
      labels: {
        rotation: unique(labels.rotation),
        leastPrivilege: unique(labels.least_privilege),
        accountability: unique(labels.accountability),
        anomaly: unique(labels.anomaly),
        dashboard: unique(labels.dashboard),
      },
    },
    governanceRepoFor: (org) =>
      governanceRepo === null
        ? `${org}/.github`
        : governanceRepo.includes("/")
          ? governanceRepo
          : `${org}/${governanceRepo}`,
    rotation: {
      enabled: config.rotation.enabled,
      maxAgeDays: config.rotation.max_age_days,
      warnDays: config.rotation.warn_days,
    },
    leastPrivilege: {
      enabled: config.least_privilege.enabled,
      wildcardScopes: config.least_privilege.wildcard_scopes,
      ipAllowlist: config.least_privilege.ip_allowlist,
      expiry: config.least_privilege.expiry,
      staleAfterDays: config.least_privilege.stale_after_days,
    },
    accountability: { enabled: config.accountability.enabled },
  };
  return deepFreeze(policy);
}
