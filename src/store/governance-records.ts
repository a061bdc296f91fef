// What people and the governance sweeps decide: ignored keys, governance issues, the command trail.

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
  /** `issueContentHash()` of what was last written; null when unknown. A sweep writes when it differs. */
  contentHash: string | null;
  snoozedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What a sweep writes; the snooze and the timestamps are the store's to keep. */
export type GovernanceIssueWrite = Omit<GovernanceIssue, "snoozedUntil" | "createdAt" | "updatedAt">;

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
