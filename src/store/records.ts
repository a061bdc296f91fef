// The rows the store keeps, as the rest of the app sees them. None of them can hold a key: keys are
// named by fingerprint and shown in redacted form; a retry re-reads the key from its location.
import type { Encoding, FindingKind } from "../detect/index.js";
import type { LookupStatus, RevokeOutcome } from "../moltbook/types.js";

export interface Installation {
  id: number;
  accountLogin: string;
  /** `owner/repo` of the governance repository, when it differs from the default. */
  governanceRepo: string | null;
  lastSweepAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const INCIDENT_STATES = [
  "found",
  "revoked",
  "revoke_failed",
  /** Outside the org's inventory: reported through /credentials/revoke. */
  "reported",
  "active_report_only",
  "removed",
  "resolved",
  "ignored",
] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

export interface Incident {
  installationId: number;
  fingerprint: string;
  kind: FindingKind;
  redacted: string;
  state: IncidentState;
  lookupStatus: LookupStatus | null;
  keyId: string | null;
  keyName: string | null;
  revokedAt: Date | null;
  revokeOutcome: RevokeOutcome | null;
  lastError: string | null;
  nextRetryAt: Date | null;
  attempts: number;
  firstSeenAt: Date;
  updatedAt: Date;
}

export interface NewIncident {
  installationId: number;
  fingerprint: string;
  kind: FindingKind;
  redacted: string;
  /** Default `found`. */
  state?: IncidentState;
  firstSeenAt?: Date;
}

/** Fields left undefined are kept; `null` clears a field. */
export interface IncidentUpdate {
  state?: IncidentState;
  lookupStatus?: LookupStatus | null;
  keyId?: string | null;
  keyName?: string | null;
  revokedAt?: Date | null;
  revokeOutcome?: RevokeOutcome | null;
  lastError?: string | null;
  nextRetryAt?: Date | null;
  incrementAttempts?: boolean;
}

export interface IncidentFilter {
  installationId?: number;
  states?: IncidentState[];
  /** Only incidents whose `nextRetryAt` is at or before this time. */
  retryDueBy?: Date;
}

export type SightingSource =
  | "push"
  | "pull_request"
  | "commit_message"
  | "pr_title"
  | "pr_body"
  | "issue"
  | "comment"
  | "history"
  | (string & {});

export interface Sighting {
  id: number;
  installationId: number;
  fingerprint: string;
  /** `owner/repo`. */
  repo: string;
  commitSha: string | null;
  path: string;
  line: number;
  column: number;
  encoding: Encoding;
  source: SightingSource;
  prNumber: number | null;
  evidenceUrl: string | null;
  firstSeenAt: Date;
  /** Set when the key is gone from the pull request's head. */
  removedAt: Date | null;
}

export interface NewSighting {
  installationId: number;
  fingerprint: string;
  repo: string;
  commitSha?: string | null;
  path: string;
  line: number;
  column: number;
  encoding: Encoding;
  source: SightingSource;
  prNumber?: number | null;
  evidenceUrl?: string | null;
  seenAt?: Date;
}

export interface SightingFilter {
  installationId: number;
  fingerprint?: string;
  repo?: string;
  prNumber?: number;
  /** true: only sightings not yet removed; false: only removed ones. */
  present?: boolean;
}

/** The parts of a detector `Finding` the store keeps; a `Finding` itself fits (its secret is ignored). */
export interface FindingLocation {
  kind: FindingKind;
  fingerprint: string;
  redacted: string;
  path: string;
  line: number;
  column: number;
  encoding: Encoding;
  commit?: string;
}

export interface RecordFindingInput {
  installationId: number;
  repo: string;
  source: SightingSource;
  finding: FindingLocation;
  prNumber?: number | null;
  evidenceUrl?: string | null;
  seenAt?: Date;
}

export interface RecordFindingResult {
  incident: Incident;
  incidentCreated: boolean;
  sighting: Sighting;
  sightingCreated: boolean;
}

export type OwnedObjectKind =
  "pr_comment" | "incident_issue" | "check_run" | "review" | "governance_issue" | "dashboard";

/** `creating` is the store's own: a worker holds the right to create the object on GitHub. */
export type OwnedObjectState = "creating" | "open" | "closed" | "completed" | "deleted";

export interface OwnedObjectRef {
  installationId: number;
  repo: string;
  kind: OwnedObjectKind;
  /** What makes it unique in its repo and kind, e.g. `pr:12`, a fingerprint, `key_123:rotation`. */
  key: string;
}

export interface OwnedObject extends OwnedObjectRef {
  githubId: number | null;
  number: number | null;
  /** Hash of the last body written: an update with the same hash is skipped. */
  contentHash: string | null;
  state: OwnedObjectState;
  claimedBy: string | null;
  claimExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface OwnedObjectWrite {
  githubId: number;
  number?: number | null;
  contentHash: string | null;
  /** Default `open`. */
  state?: Exclude<OwnedObjectState, "creating">;
}

export type ClaimResult =
  /** This worker may create the object, then `recordOwnedObject` (or `releaseOwnedObject` on failure). */
  | { claimed: true; object: OwnedObject }
  /** Another worker has it, or is creating it (`state: "creating"`): update it, or `waitForOwnedObject`. */
  | { claimed: false; object: OwnedObject };

export type JobState = "pending" | "running" | "done" | "failed";

export interface Job {
  id: number;
  kind: string;
  dedupeKey: string;
  payload: unknown;
  state: JobState;
  /** Failed attempts so far. */
  attempts: number;
  /** Times the job was claimed: above `attempts` + 1 means a worker died holding it. */
  claims: number;
  runAfter: Date;
  leasedBy: string | null;
  leaseExpiresAt: Date | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

export interface NewJob {
  kind: string;
  /** A second enqueue with the same key returns the existing job, unless that job failed for good. */
  dedupeKey: string;
  /** JSON. Ids and locations only: a payload holding a key is refused. */
  payload: unknown;
  runAfter?: Date;
}

export interface JobFilter {
  state?: JobState;
  kind?: string;
}

export interface IgnoredFingerprint {
  installationId: number;
  /** `null`: ignored in every repository of the installation. */
  repo: string | null;
  fingerprint: string;
  reason: string;
  ignoredBy: string;
  ignoredAt: Date;
}

export interface NewIgnoredFingerprint {
  installationId: number;
  repo: string | null;
  fingerprint: string;
  reason: string;
  by: string;
  at?: Date;
}

export type GovernanceKind = "rotation" | "least_privilege" | "accountability" | "anomaly" | (string & {});

export interface GovernanceIssue {
  installationId: number;
  keyId: string;
  kind: GovernanceKind;
  /** `owner/repo` the issue lives in. */
  repo: string;
  number: number;
  state: "open" | "closed";
  contentHash: string | null;
  snoozedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface GovernanceIssueWrite {
  installationId: number;
  keyId: string;
  kind: GovernanceKind;
  repo: string;
  number: number;
  state: "open" | "closed";
  contentHash: string | null;
}

export interface CommandRecord {
  id: number;
  installationId: number;
  repo: string;
  /** The issue or pull request the command was written in. */
  number: number;
  actor: string;
  command: string;
  args: string[];
  /** e.g. `applied`, `denied: needs write access`, `invalid: …`. */
  outcome: string;
  at: Date;
}

export type NewCommandRecord = Omit<CommandRecord, "id" | "at"> & { at?: Date };
