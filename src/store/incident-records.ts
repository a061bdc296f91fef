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
