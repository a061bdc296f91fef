// GitHub objects the app creates and keeps up to date, so that each exists once.

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
  /** `contentHash()` of what was last written; null when unknown. An update with the same hash is skipped. */
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
