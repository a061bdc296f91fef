import type { SecretValue } from "../detect/index.js";
import type { CallStats } from "./create-caller.js";
import type {
  AgentProfile,
  AuditEntry,
  KeyRecord,
  KeyStatus,
  LookupResult,
  RevokeReason,
  RevokeResult,
} from "./types.js";

export interface RevokeOptions {
  reason: RevokeReason;
  /** Where the key was seen (commit, PR, issue). */
  evidenceUrl?: string;
}

export interface ReportResult {
  /** Moltbook accepted the call that carried this key. */
  reported: true;
  /** `accepted` as Moltbook answered for that call, of `submitted` keys in it. */
  accepted: number;
  submitted: number;
}

export interface AgentMeResult {
  live: boolean;
  agent?: AgentProfile;
}

export interface KeysOptions {
  status?: KeyStatus | "all";
  /** Records per call (1–100). Default 100. */
  pageSize?: number;
}

export interface AuditLogsOptions {
  keyId?: string;
  since: Date | string;
  until?: Date | string;
  /** Entries per call (1–1000). Default 1000. */
  pageSize?: number;
}

/** Everything the app asks of Moltbook. One implementation speaks the contract; another provider is another adapter. */
export interface MoltbookClient {
  /** The governance key's fingerprint (safe to show). */
  readonly adminFingerprint: string;
  /** Status and record of one key; batched with concurrent lookups. */
  lookup(fingerprint: string): Promise<LookupResult>;
  lookupMany(fingerprints: readonly string[]): Promise<LookupResult[]>;
  /** Revokes one org key by fingerprint; batched with concurrent revocations of the same reason and evidence. */
  revoke(fingerprint: string, options: RevokeOptions): Promise<RevokeResult>;
  revokeMany(fingerprints: readonly string[], options: RevokeOptions): Promise<RevokeResult[]>;
  /** Reports a key outside the inventory; the only call that sends a raw key in a body. Batched. */
  reportCredential(secret: SecretValue, evidenceUrl?: string): Promise<ReportResult>;
  keys(options?: KeysOptions): AsyncIterable<KeyRecord>;
  /** One record, or null when the organisation has no such key. */
  key(id: string): Promise<KeyRecord | null>;
  auditLogs(options: AuditLogsOptions): AsyncIterable<AuditEntry>;
  /** Whether a key is live, through `GET /agents/me` with that key; budgeted and cached briefly. */
  agentMe(secret: SecretValue): Promise<AgentMeResult>;
  stats(): CallStats;
  /** Sends what is batched, waits for calls in flight, then stops the limiter and its Redis connections. */
  close(): Promise<void>;
}
