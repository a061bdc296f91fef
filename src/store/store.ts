import type {
  ClaimResult,
  CommandRecord,
  GovernanceIssue,
  GovernanceIssueWrite,
  GovernanceKind,
  IgnoredFingerprint,
  Incident,
  IncidentFilter,
  IncidentUpdate,
  Installation,
  Job,
  JobFilter,
  NewCommandRecord,
  NewIgnoredFingerprint,
  NewIncident,
  NewJob,
  NewSighting,
  OwnedObject,
  OwnedObjectRef,
  OwnedObjectWrite,
  RecordFindingInput,
  RecordFindingResult,
  Sighting,
  SightingFilter,
} from "./records.js";

/**
 * Everything the app keeps. Async so that SQLite (one process) and PostgreSQL (many) fit behind it.
 * Every write is keyed, so a webhook delivered twice, a restart or a second instance repeats nothing.
 * No method takes a key: values that look like one are refused, free text has keys redacted.
 */
export interface Store {
  readonly kind: "sqlite" | "postgres";

  // Installations
  upsertInstallation(input: {
    id: number;
    accountLogin: string;
    governanceRepo?: string | null;
  }): Promise<Installation>;
  getInstallation(id: number): Promise<Installation | null>;
  listInstallations(): Promise<Installation[]>;
  markInstallationSwept(id: number, at?: Date): Promise<void>;
  removeInstallation(id: number): Promise<void>;

  // Incidents, one per (installation, fingerprint)
  /** Idempotent: an existing incident is returned unchanged. */
  upsertIncident(input: NewIncident): Promise<{ incident: Incident; created: boolean }>;
  getIncident(installationId: number, fingerprint: string): Promise<Incident | null>;
  /**
   * Applies a transition. With `fromStates`, only when the incident is in one of them (null
   * otherwise: another worker moved it first). A revoked or reported key never becomes active again.
   */
  updateIncident(
    installationId: number,
    fingerprint: string,
    update: IncidentUpdate,
    options?: { fromStates?: Incident["state"][] },
  ): Promise<Incident | null>;
  listIncidents(filter?: IncidentFilter): Promise<Incident[]>;

  // Sightings: where an incident's key was seen, deduped on (fingerprint, repo, commit, path, line)
  recordSighting(input: NewSighting): Promise<{ sighting: Sighting; created: boolean }>;
  /** `upsertIncident` and `recordSighting` for one detector finding. */
  recordFinding(input: RecordFindingInput): Promise<RecordFindingResult>;
  listSightings(filter: SightingFilter): Promise<Sighting[]>;
  /** Marks a pull request's sightings removed, except those of the fingerprints still in its head. */
  markSightingsRemoved(
    input: { installationId: number; repo: string; prNumber: number; stillPresent?: string[] },
    at?: Date,
  ): Promise<Sighting[]>;

  // GitHub objects the app owns (comments, issues, check runs, ...)
  /** Race-safe: of two workers, exactly one gets `claimed: true` and creates the object. */
  claimOwnedObject(ref: OwnedObjectRef, holder: string, ttlMs?: number): Promise<ClaimResult>;
  recordOwnedObject(ref: OwnedObjectRef, write: OwnedObjectWrite): Promise<OwnedObject>;
  /** Gives up a claim that did not lead to an object, so another worker can try. */
  releaseOwnedObject(ref: OwnedObjectRef, holder: string): Promise<void>;
  getOwnedObject(ref: OwnedObjectRef): Promise<OwnedObject | null>;
  /** Waits while another worker is creating the object; null when it gave up. */
  waitForOwnedObject(
    ref: OwnedObjectRef,
    options?: { timeoutMs?: number; pollMs?: number },
  ): Promise<OwnedObject | null>;
  listOwnedObjects(filter: {
    installationId: number;
    repo?: string;
    kind?: OwnedObjectRef["kind"];
  }): Promise<OwnedObject[]>;

  // Jobs: the durable outbox
  /** Same dedupeKey while pending, running or done: the existing job, `created: false`. */
  enqueueJob(input: NewJob): Promise<{ job: Job; created: boolean }>;
  /** Atomically leases one runnable job (pending and due, or running with an expired lease). */
  claimNextJob(workerId: string, leaseMs: number): Promise<Job | null>;
  renewJobLease(id: number, workerId: string, leaseMs: number): Promise<boolean>;
  completeJob(id: number): Promise<void>;
  /** `retryAt` null: failed for good (a later enqueue with the same dedupeKey revives it). */
  failJob(id: number, error: string, retryAt: Date | null): Promise<void>;
  getJob(id: number): Promise<Job | null>;
  listJobs(filter?: JobFilter): Promise<Job[]>;
  /** Deletes done jobs finished before the date; their dedupe keys become free again. */
  pruneJobs(finishedBefore: Date): Promise<number>;

  // Leases: work that runs once across instances (governance sweeps)
  /** True when free, expired or already held by `holder` (then it is extended). */
  acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean>;
  renewLease(name: string, holder: string, ttlMs: number): Promise<boolean>;
  releaseLease(name: string, holder: string): Promise<boolean>;

  // Fingerprints ignored by `/moltbook-guard ignore`
  /** Idempotent; a second call updates reason, actor and time. */
  ignoreFingerprint(input: NewIgnoredFingerprint): Promise<IgnoredFingerprint>;
  unignoreFingerprint(installationId: number, repo: string | null, fingerprint: string): Promise<boolean>;
  /** The repository's entry, else the installation-wide one. */
  findIgnoredFingerprint(
    installationId: number,
    repo: string,
    fingerprint: string,
  ): Promise<IgnoredFingerprint | null>;
  /** Installation-wide entries, plus the repository's when `repo` is given. */
  listIgnoredFingerprints(installationId: number, repo?: string): Promise<IgnoredFingerprint[]>;

  // Governance issues, one per (installation, key, kind)
  saveGovernanceIssue(input: GovernanceIssueWrite): Promise<GovernanceIssue>;
  getGovernanceIssue(
    installationId: number,
    keyId: string,
    kind: GovernanceKind,
  ): Promise<GovernanceIssue | null>;
  listGovernanceIssues(
    installationId: number,
    filter?: { state?: "open" | "closed"; kind?: GovernanceKind },
  ): Promise<GovernanceIssue[]>;
  snoozeGovernanceIssue(
    installationId: number,
    keyId: string,
    kind: GovernanceKind,
    until: Date | null,
  ): Promise<GovernanceIssue | null>;

  // Audit trail of commands
  recordCommand(input: NewCommandRecord): Promise<CommandRecord>;
  listCommands(filter: { installationId: number; repo?: string; number?: number }): Promise<CommandRecord[]>;

  close(): Promise<void>;
}
