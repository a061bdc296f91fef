// `.github/moltbook-guard.yml` after validation: every option present, names as written in YAML.

export type RevocationMode = "auto" | "report" | "off";

export interface IgnoreEntry {
  /** `sha256:` + 64 lower-case hex digits: the key's fingerprint, never the key. */
  fingerprint: string;
  reason: string;
}

export interface RepoConfig {
  revocation: { public: RevocationMode; private: RevocationMode };
  dry_run: boolean;
  paths_ignore: string[];
  ignore: IgnoreEntry[];
  pull_request: { comment: boolean; suggestions: boolean; check_run: boolean };
  issues: { labels: string[]; assign_pusher: boolean };
  scan: { max_blob_bytes: number; commit_messages: boolean; pr_body: boolean };
  governance: {
    /** `name` (in the same organisation) or `owner/name`; null: the organisation's `.github` repository. */
    repo: string | null;
    schedule: { interval_hours: number; jitter_minutes: number };
    dashboard: boolean;
    labels: {
      rotation: string[];
      least_privilege: string[];
      accountability: string[];
      anomaly: string[];
      dashboard: string[];
    };
  };
  rotation: { enabled: boolean; max_age_days: number; warn_days: number };
  least_privilege: {
    enabled: boolean;
    wildcard_scopes: boolean;
    ip_allowlist: boolean;
    expiry: boolean;
    stale_after_days: number;
  };
  accountability: { enabled: boolean };
}
