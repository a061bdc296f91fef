import { deepFreeze } from "./deep-freeze.js";
import type { RepoConfig } from "./repo-config.js";

/**
 * What applies when the file, an option or an invalid value is absent. The defaults protect: keys
 * are revoked everywhere, every channel reports, every governance check runs.
 */
export const DEFAULT_CONFIG: RepoConfig = deepFreeze({
  revocation: { public: "auto", private: "auto" },
  dry_run: false,
  paths_ignore: [],
  ignore: [],
  pull_request: { comment: true, suggestions: true, check_run: true },
  issues: { labels: ["moltbook-guard", "leaked-key"], assign_pusher: true },
  scan: { max_blob_bytes: 1_048_576, commit_messages: true, pr_body: true },
  governance: {
    repo: null,
    schedule: { interval_hours: 24, jitter_minutes: 60 },
    dashboard: true,
    labels: {
      rotation: ["moltbook-guard", "key-rotation"],
      least_privilege: ["moltbook-guard", "least-privilege"],
      accountability: ["moltbook-guard", "key-ownership"],
      anomaly: ["moltbook-guard", "key-anomaly"],
      dashboard: ["moltbook-guard", "dashboard"],
    },
  },
  rotation: { enabled: true, max_age_days: 90, warn_days: 14 },
  least_privilege: {
    enabled: true,
    wildcard_scopes: true,
    ip_allowlist: true,
    expiry: true,
    stale_after_days: 30,
  },
  accountability: { enabled: true },
});
