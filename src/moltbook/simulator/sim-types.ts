import type { AgentProfile, AuditEntry, KeyRecord } from "../types.js";

/** An inventory key as the simulator holds it: the wire record without its derived status, by fingerprint only. */
export interface SimKey extends Omit<KeyRecord, "status"> {
  /** Revocation answers `forbidden` for this key (e.g. a key another team's policy pins). */
  protected: boolean;
  /** What `GET /agents/me` answers for this key. */
  agent: AgentProfile;
}

/** A live Moltbook key of some other organisation: unknown to lookup, revocable only by /credentials/revoke. */
export interface ForeignKey {
  fingerprint: string;
  agent: AgentProfile;
  revoked_at: string | null;
}

export interface StateData {
  keys: SimKey[];
  foreign: ForeignKey[];
  audit: AuditEntry[];
}

/** Raw keys handed to whoever started the simulator: printed once by the CLI, returned in-process. */
export interface Handout {
  /** The governance key, or null when a state file gave only its fingerprint. */
  adminKey: string | null;
  liveKeys: { key: string; id: string; name: string; scopes: string[] }[];
  foreignKeys: string[];
}

/** One call the simulator served (or dropped). Never holds a raw key. */
export interface CallRecord {
  /** Arrival, ms since epoch (real time: the rate limit's clock). */
  at: number;
  /** `METHOD /path` as in the contract, or `unknown`. */
  operation: string;
  /** The status sent; null when the connection was dropped or left hanging. */
  status: number | null;
  /** ok, unauthorized, forbidden, not_found, invalid, rate_limited, fault:error, fault:drop, fault:timeout. */
  outcome: string;
  /** Fingerprint of the presented bearer, or null. */
  caller: string | null;
  /** Fingerprints or credentials in the body, when it had any. */
  items?: number;
  /** Time to answer, ms. */
  ms?: number;
}
