// Numbered, append-only steps. Never edit a released step: add the next one. Each step's SQL is
// the subset both databases accept; `{{id}}` is the one spelling they disagree on.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "installations, incidents, sightings",
    sql: `
CREATE TABLE installations (
  id BIGINT PRIMARY KEY,
  account_login TEXT NOT NULL,
  governance_repo TEXT,
  last_sweep_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE incidents (
  installation_id BIGINT NOT NULL,
  fingerprint TEXT NOT NULL CHECK (fingerprint LIKE 'sha256:%' AND length(fingerprint) = 71),
  kind TEXT NOT NULL,
  redacted TEXT NOT NULL,
  state TEXT NOT NULL,
  lookup_status TEXT,
  key_id TEXT,
  key_name TEXT,
  revoked_at BIGINT,
  revoke_outcome TEXT,
  last_error TEXT,
  next_retry_at BIGINT,
  attempts BIGINT NOT NULL DEFAULT 0,
  first_seen_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (installation_id, fingerprint)
);
CREATE INDEX incidents_state ON incidents (installation_id, state);
CREATE INDEX incidents_retry ON incidents (next_retry_at) WHERE next_retry_at IS NOT NULL;
CREATE TABLE sightings (
  id {{id}},
  installation_id BIGINT NOT NULL,
  fingerprint TEXT NOT NULL,
  repo TEXT NOT NULL,
  commit_sha TEXT NOT NULL DEFAULT '',
  path TEXT NOT NULL,
  line BIGINT NOT NULL,
  col BIGINT NOT NULL,
  encoding TEXT NOT NULL,
  source TEXT NOT NULL,
  pr_number BIGINT,
  evidence_url TEXT,
  first_seen_at BIGINT NOT NULL,
  removed_at BIGINT,
  UNIQUE (installation_id, fingerprint, repo, commit_sha, path, line),
  FOREIGN KEY (installation_id, fingerprint) REFERENCES incidents (installation_id, fingerprint) ON DELETE CASCADE
);
CREATE INDEX sightings_pr ON sightings (installation_id, repo, pr_number);
`,
  },
  {
    version: 2,
    name: "jobs and leases",
    sql: `
CREATE TABLE jobs (
  id {{id}},
  kind TEXT NOT NULL,
  dedupe_key TEXT NOT NULL UNIQUE,
  payload TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts BIGINT NOT NULL DEFAULT 0,
  claims BIGINT NOT NULL DEFAULT 0,
  run_after BIGINT NOT NULL,
  leased_by TEXT,
  lease_expires_at BIGINT,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  finished_at BIGINT
);
CREATE INDEX jobs_pending ON jobs (run_after, id) WHERE state = 'pending';
CREATE INDEX jobs_running ON jobs (lease_expires_at) WHERE state = 'running';
CREATE TABLE leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  acquired_at BIGINT NOT NULL
);
`,
  },
  {
    version: 3,
    name: "owned objects, ignored fingerprints, governance issues, command audit",
    sql: `
CREATE TABLE owned_objects (
  installation_id BIGINT NOT NULL,
  repo TEXT NOT NULL,
  kind TEXT NOT NULL,
  object_key TEXT NOT NULL,
  github_id BIGINT,
  number BIGINT,
  content_hash TEXT,
  state TEXT NOT NULL,
  claimed_by TEXT,
  claim_expires_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (installation_id, repo, kind, object_key)
);
CREATE TABLE ignored_fingerprints (
  installation_id BIGINT NOT NULL,
  repo TEXT NOT NULL DEFAULT '',
  fingerprint TEXT NOT NULL CHECK (fingerprint LIKE 'sha256:%' AND length(fingerprint) = 71),
  reason TEXT NOT NULL,
  ignored_by TEXT NOT NULL,
  ignored_at BIGINT NOT NULL,
  PRIMARY KEY (installation_id, repo, fingerprint)
);
CREATE TABLE governance_issues (
  installation_id BIGINT NOT NULL,
  key_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  repo TEXT NOT NULL,
  number BIGINT NOT NULL,
  state TEXT NOT NULL,
  content_hash TEXT,
  snoozed_until BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (installation_id, key_id, kind)
);
CREATE TABLE command_audit (
  id {{id}},
  installation_id BIGINT NOT NULL,
  repo TEXT NOT NULL,
  number BIGINT NOT NULL,
  actor TEXT NOT NULL,
  command TEXT NOT NULL,
  args TEXT NOT NULL,
  outcome TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX command_audit_target ON command_audit (installation_id, repo, number);
`,
  },
  // Until this step owned_objects.content_hash held the bare hex SHA-256 of what upsertOwnedObject
  // was given; now every content hash is contentHash()'s `sha256:` + hex, as governance_issues
  // always held, so the database has one format and no code compares two. PR comments, check runs
  // and incident issues hash the same text as before: their digest only gains its label, and an
  // unchanged one is not rewritten on GitHub. Governance issues and the dashboard held a hash of a
  // hash, which no new hash equals: they become unknown (NULL), as after a lost store. Nothing is
  // rewritten for that either (the sweep compares the governance_issues row, the dashboard its
  // body), except a governance issue whose row was lost too: once. During a rolling upgrade, an
  // object an old instance writes after this step is rewritten once by a new one.
  {
    version: 4,
    name: "owned objects' content hashes as sha256: + hex",
    sql: `
UPDATE owned_objects SET content_hash = NULL
WHERE content_hash NOT LIKE 'sha256:%' AND kind IN ('governance_issue', 'dashboard');
UPDATE owned_objects SET content_hash = 'sha256:' || content_hash WHERE content_hash NOT LIKE 'sha256:%';
`,
  },
];

const ID_COLUMN = {
  sqlite: "INTEGER PRIMARY KEY AUTOINCREMENT",
  postgres: "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
} as const;

export function migrationSql(migration: Migration, dialect: keyof typeof ID_COLUMN): string {
  return migration.sql.replaceAll("{{id}}", ID_COLUMN[dialect]);
}
