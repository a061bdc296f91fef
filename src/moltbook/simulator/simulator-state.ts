import type { AuditEntry, KeyRecord, KeyStatus, RevokeResult } from "../types.js";
import { compareSortKeys } from "./cursor.js";
import type { CallRecord, ForeignKey, SimKey, StateData } from "./sim-types.js";

/** The simulated organisation: keys by fingerprint, keys of other organisations, audit log, served calls. */
export class SimulatorState {
  readonly keys: SimKey[];
  readonly foreign = new Map<string, ForeignKey>();
  readonly audit: AuditEntry[];
  /** Every call served, in arrival order; tests assert on it. */
  readonly calls: CallRecord[] = [];
  readonly #byFingerprint = new Map<string, SimKey>();
  readonly #byId = new Map<string, SimKey>();
  #nextAuditId: number;

  constructor(
    data: StateData,
    readonly now: () => Date,
  ) {
    this.keys = [...data.keys].sort((a, b) => compareSortKeys([a.created_at, a.id], [b.created_at, b.id]));
    for (const key of this.keys) {
      this.#byFingerprint.set(key.fingerprint, key);
      this.#byId.set(key.id, key);
    }
    for (const f of data.foreign) this.foreign.set(f.fingerprint, f);
    this.audit = [...data.audit].sort((a, b) => compareSortKeys([a.at, a.id], [b.at, b.id]));
    this.#nextAuditId = this.audit.length + 1;
  }

  byFingerprint(fingerprint: string): SimKey | undefined {
    return this.#byFingerprint.get(fingerprint);
  }

  byId(id: string): SimKey | undefined {
    return this.#byId.get(id);
  }

  status(key: SimKey): KeyStatus {
    if (key.revoked_at !== null) return "revoked";
    if (key.expires_at !== null && Date.parse(key.expires_at) <= this.now().getTime()) return "expired";
    return "active";
  }

  /** The wire form (KeyRecord in the contract). */
  record(key: SimKey): KeyRecord {
    const { protected: _p, agent: _a, ...fields } = key;
    return {
      ...fields,
      owner: { ...fields.owner },
      scopes: [...fields.scopes],
      ip_allowlist: [...fields.ip_allowlist],
      status: this.status(key),
    };
  }

  /** Idempotent: a second revocation answers `already_revoked` with the first time. */
  revoke(fingerprint: string, reason: string): RevokeResult {
    const key = this.#byFingerprint.get(fingerprint);
    if (!key) return { fingerprint, outcome: "not_found", revoked_at: null };
    if (key.revoked_at !== null)
      return { fingerprint, outcome: "already_revoked", revoked_at: key.revoked_at };
    if (key.protected) return { fingerprint, outcome: "forbidden", revoked_at: null };
    key.revoked_at = this.now().toISOString();
    key.revoked_reason = reason;
    return { fingerprint, outcome: "revoked", revoked_at: key.revoked_at };
  }

  /** What /credentials/revoke does with one reported key: revoke it wherever it lives. */
  revokeReported(fingerprint: string): void {
    const foreign = this.foreign.get(fingerprint);
    if (foreign) foreign.revoked_at ??= this.now().toISOString();
    else if (this.#byFingerprint.has(fingerprint)) this.revoke(fingerprint, "leaked");
  }

  /** Records a request made with one of the organisation's keys, keeping the log ordered. */
  addAudit(entry: Omit<AuditEntry, "id">): void {
    const full = { id: `log_live_${String(this.#nextAuditId++).padStart(8, "0")}`, ...entry };
    let i = this.audit.length;
    while (i > 0 && compareSortKeys([this.audit[i - 1].at, this.audit[i - 1].id], [full.at, full.id]) > 0)
      i--;
    this.audit.splice(i, 0, full);
    const key = this.#byId.get(entry.key_id);
    if (key && (key.last_used_at === null || key.last_used_at < entry.at)) key.last_used_at = entry.at;
  }
}
