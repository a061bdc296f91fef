import type { KeyRecord } from "../../moltbook/types.js";

/**
 * What the governance sweep enforces. The lead maps the repo config (`rotation`, `least_privilege`,
 * `accountability`, `governance`, `labels`) onto this; everything under governance/policy and
 * governance/render takes it as plain data.
 */
export interface GovernancePolicy {
  rotation: {
    enabled: boolean;
    /** A key older than this is overdue; an expiry further away than this is too far. */
    maxAgeDays: number;
    /** Warn this many days before a key expires or reaches `maxAgeDays`. */
    warnDays: number;
  };
  leastPrivilege: {
    enabled: boolean;
    /** Flag `*` and `keys:admin` on keys that are not governance keys. */
    wildcardScopes: boolean;
    /** Flag keys with an empty IP allowlist. */
    ipAllowlist: boolean;
    /** Flag keys with no expiry, or one further than `rotation.maxAgeDays` away. */
    expiry: boolean;
    /** Suggest revoking keys unused for this many days; `null` (or 0) switches the check off. */
    staleAfterDays: number | null;
  };
  accountability: { enabled: boolean };
  governance: {
    /** `owner/repo`, or a bare name in the org; `null` means the org's `.github` repository. */
    repo: string | null;
    dashboard: boolean;
  };
  labels: GovernanceLabels;
}

export interface GovernanceLabels {
  /** On every issue the app files; the sweep finds its own issues again by this label. */
  app: string;
  rotationOverdue: string;
  rotationDueSoon: string;
  leastPrivilege: string;
  accountability: string;
  /**
   * More labels per kind, from the config's `governance.labels` (e.g. `key-rotation`). They are
   * added after the kind's own label; duplicates are dropped.
   */
  extra?: Partial<Record<"rotation" | "leastPrivilege" | "accountability" | "dashboard", readonly string[]>>;
}

export const DEFAULT_GOVERNANCE_POLICY: GovernancePolicy = deepFreeze({
  rotation: { enabled: true, maxAgeDays: 90, warnDays: 14 },
  leastPrivilege: {
    enabled: true,
    wildcardScopes: true,
    ipAllowlist: true,
    expiry: true,
    staleAfterDays: 30,
  },
  accountability: { enabled: true },
  governance: { repo: null, dashboard: true },
  labels: {
    app: "moltbook-guard",
    rotationOverdue: "rotation-overdue",
    rotationDueSoon: "rotation-due-soon",
    leastPrivilege: "least-privilege",
    accountability: "key-ownership",
  },
});

/** The kinds of per-key issue; one issue per key and kind. */
export type GovernanceKind = "rotation" | "least-privilege" | "accountability";
export const GOVERNANCE_KINDS: readonly GovernanceKind[] = ["rotation", "least-privilege", "accountability"];

export type Severity = "high" | "medium" | "low";

export type RotationState = "expired" | "overdue" | "due_soon";

export interface RotationFinding {
  kind: "rotation";
  state: RotationState;
  severity: Severity;
  /** ISO time the key must be rotated by: its expiry or `created_at + maxAgeDays`, whichever is first. */
  dueAt: string;
  /** Which of the two limits sets `dueAt`. */
  dueBecause: "expiry" | "max_age";
}

export type LeastPrivilegeViolation =
  | { check: "wildcard_scopes"; scopes: string[] }
  | { check: "ip_allowlist" }
  | { check: "expiry"; expiresAt: string | null }
  | { check: "stale"; lastUsedAt: string | null };

export interface LeastPrivilegeFinding {
  kind: "least-privilege";
  severity: Severity;
  /** In a fixed order: wildcard_scopes, ip_allowlist, expiry, stale. */
  violations: LeastPrivilegeViolation[];
}

export type AccountabilityField = "purpose" | "project" | "owner";

export interface AccountabilityFinding {
  kind: "accountability";
  severity: Severity;
  missing: AccountabilityField[];
}

export type GovernanceFinding = RotationFinding | LeastPrivilegeFinding | AccountabilityFinding;

/** Dashboard groups, most urgent first; each key is in exactly one. */
export type KeyState = "expired" | "overdue" | "due_soon" | "over_privileged" | "healthy" | "revoked";
export const KEY_STATES: readonly KeyState[] = [
  "expired",
  "overdue",
  "due_soon",
  "over_privileged",
  "healthy",
  "revoked",
];

export interface KeyEvaluation {
  key: KeyRecord;
  state: KeyState;
  /** At most one per kind, in `GOVERNANCE_KINDS` order. Empty for revoked or disabled keys. */
  findings: GovernanceFinding[];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
