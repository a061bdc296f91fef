// Shapes from ../shared/moltbook-api.openapi.yaml (the contract). Field names follow the wire format.

export type KeyStatus = "active" | "revoked" | "expired";
export type LookupStatus = KeyStatus | "unknown";
export type RevokeOutcome = "revoked" | "already_revoked" | "not_found" | "forbidden";
export const REVOKE_REASONS = ["leaked", "anomaly", "manual", "expired", "policy"] as const;
export type RevokeReason = (typeof REVOKE_REASONS)[number];

/** A fingerprint on the wire: `sha256:` + 64 lower-case hex digits. */
export const FINGERPRINT_PATTERN = /^sha256:[0-9a-f]{64}$/;
/** A whole Moltbook API key, what POST /credentials/revoke accepts. */
export const API_KEY_PATTERN = /^moltbook_sk_[A-Za-z0-9_-]{32}$/;

export interface KeyRecord {
  id: string;
  name: string;
  fingerprint: string;
  /** `moltbook_sk_` and the first 4 body characters; safe to show. */
  prefix: string;
  parent_id: string | null;
  owner: { email: string | null; github_login: string | null };
  purpose: string | null;
  /** `owner/repo` on GitHub that the key serves. */
  project: string | null;
  scopes: string[];
  ip_allowlist: string[];
  status: KeyStatus;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_reason: string | null;
}

export interface LookupResult {
  fingerprint: string;
  status: LookupStatus;
  key: KeyRecord | null;
}

export interface RevokeResult {
  fingerprint: string;
  outcome: RevokeOutcome;
  revoked_at: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  key_id: string;
  ip: string;
  method: string;
  path: string;
  status: number;
  user_agent?: string | null;
}

export interface AgentProfile {
  id: string;
  name: string;
  is_claimed?: boolean;
  created_at?: string;
}

/** The scopes a governance key needs, and the only ones it should have. */
export const GOVERNANCE_SCOPES = ["keys:read", "keys:revoke", "audit:read"] as const;
