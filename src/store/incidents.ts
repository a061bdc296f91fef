import { assertFingerprint, assertRedacted, scrubKeys } from "./guard-secrets.js";
import { incidentTransitions } from "./incident-transitions.js";
import { INCIDENT_STATES, type Incident, type IncidentState, type IncidentUpdate } from "./records.js";
import type { Row } from "./sql-driver.js";
import type { Db } from "./sql-db.js";
import { dateOf, dateOrNull, ms, num, placeholders, str, strOrNull } from "./sql-values.js";
import type { Store } from "./store.js";

type IncidentMethods = Pick<Store, "upsertIncident" | "getIncident" | "updateIncident" | "listIncidents">;

export function incidents(db: Db): IncidentMethods {
  const get = async (installationId: number, fingerprint: string) => {
    const row = await db.get("SELECT * FROM incidents WHERE installation_id = ? AND fingerprint = ?", [
      installationId,
      fingerprint,
    ]);
    return row ? toIncident(row) : null;
  };

  return {
    async upsertIncident(input) {
      assertFingerprint(input.fingerprint, "upsertIncident fingerprint");
      assertRedacted(input.redacted, "upsertIncident redacted");
      const state = input.state ?? "found";
      assertState(state);
      const now = db.now();
      const row = await db.get(
        `INSERT INTO incidents (installation_id, fingerprint, kind, redacted, state, first_seen_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (installation_id, fingerprint) DO NOTHING
         RETURNING *`,
        [
          input.installationId,
          input.fingerprint,
          input.kind,
          input.redacted,
          state,
          ms(input.firstSeenAt) ?? now,
          now,
        ],
      );
      if (row) return { incident: toIncident(row), created: true };
      return { incident: (await get(input.installationId, input.fingerprint))!, created: false };
    },

    getIncident: get,

    async updateIncident(installationId, fingerprint, update, options = {}) {
      const { sets, params } = setClause(update);
      sets.push("updated_at = ?");
      params.push(db.now());
      let allowed: IncidentState[] | undefined = options.fromStates;
      if (update.state) {
        assertState(update.state);
        const legal = incidentTransitions(update.state);
        allowed = allowed ? allowed.filter((s) => legal.includes(s)) : legal;
      }
      const guard = allowed ? ` AND state IN (${placeholders(allowed.length)})` : "";
      const row =
        allowed?.length === 0
          ? undefined
          : await db.get(
              `UPDATE incidents SET ${sets.join(", ")} WHERE installation_id = ? AND fingerprint = ?${guard} RETURNING *`,
              [...params, installationId, fingerprint, ...(allowed ?? [])],
            );
      if (row) return toIncident(row);

      const current = await get(installationId, fingerprint);
      if (!current) {
        throw new Error(
          `No incident for ${fingerprint} in installation ${installationId} (updateIncident). To resolve, call upsertIncident or recordFinding first.`,
        );
      }
      if (options.fromStates && !options.fromStates.includes(current.state)) return null;
      throw new Error(
        `An incident cannot go from ${current.state} to ${update.state} (updateIncident ${fingerprint}). To resolve, leave a revoked or reported key's incident as it is, or move it to removed, resolved or ignored.`,
      );
    },

    async listIncidents(filter = {}) {
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (filter.installationId !== undefined) {
        where.push("installation_id = ?");
        params.push(filter.installationId);
      }
      if (filter.states) {
        if (filter.states.length === 0) return [];
        where.push(`state IN (${placeholders(filter.states.length)})`);
        params.push(...filter.states);
      }
      if (filter.retryDueBy) {
        where.push("next_retry_at IS NOT NULL AND next_retry_at <= ?");
        params.push(filter.retryDueBy.getTime());
      }
      const sql = `SELECT * FROM incidents${where.length ? ` WHERE ${where.join(" AND ")}` : ""} ORDER BY first_seen_at, fingerprint`;
      return (await db.all(sql, params)).map(toIncident);
    },
  };
}

function setClause(update: IncidentUpdate): { sets: string[]; params: (string | number | null)[] } {
  const sets: string[] = [];
  const params: (string | number | null)[] = [];
  const set = (column: string, value: string | number | null | undefined) => {
    if (value === undefined) return;
    sets.push(`${column} = ?`);
    params.push(value);
  };
  set("state", update.state);
  set("lookup_status", update.lookupStatus);
  set("key_id", update.keyId);
  set(
    "key_name",
    update.keyName === undefined || update.keyName === null ? update.keyName : scrubKeys(update.keyName),
  );
  set("revoked_at", update.revokedAt === undefined ? undefined : ms(update.revokedAt));
  set("revoke_outcome", update.revokeOutcome);
  set(
    "last_error",
    update.lastError === undefined || update.lastError === null
      ? update.lastError
      : scrubKeys(update.lastError),
  );
  set("next_retry_at", update.nextRetryAt === undefined ? undefined : ms(update.nextRetryAt));
  if (update.incrementAttempts) sets.push("attempts = attempts + 1");
  return { sets, params };
}

function assertState(state: string): void {
  if (!(INCIDENT_STATES as readonly string[]).includes(state)) {
    throw new Error(
      `Unknown incident state "${state}" (store). To resolve, use one of ${INCIDENT_STATES.join(", ")}.`,
    );
  }
}

function toIncident(r: Row): Incident {
  return {
    installationId: num(r.installation_id),
    fingerprint: str(r.fingerprint),
    kind: str(r.kind) as Incident["kind"],
    redacted: str(r.redacted),
    state: str(r.state) as IncidentState,
    lookupStatus: strOrNull(r.lookup_status) as Incident["lookupStatus"],
    keyId: strOrNull(r.key_id),
    keyName: strOrNull(r.key_name),
    revokedAt: dateOrNull(r.revoked_at),
    revokeOutcome: strOrNull(r.revoke_outcome) as Incident["revokeOutcome"],
    lastError: strOrNull(r.last_error),
    nextRetryAt: dateOrNull(r.next_retry_at),
    attempts: num(r.attempts),
    firstSeenAt: dateOf(r.first_seen_at),
    updatedAt: dateOf(r.updated_at),
  };
}
