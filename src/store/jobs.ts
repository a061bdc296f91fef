import { containsKey, scrubKeys } from "./guard-secrets.js";
import type { Job } from "./records.js";
import type { Row } from "./sql-driver.js";
import type { Db } from "./sql-db.js";
import { dateOf, dateOrNull, num, str, strOrNull, whereEquals } from "./sql-values.js";
import type { Store } from "./store.js";

type JobMethods = Pick<
  Store,
  | "enqueueJob"
  | "claimNextJob"
  | "renewJobLease"
  | "completeJob"
  | "failJob"
  | "getJob"
  | "listJobs"
  | "pruneJobs"
>;

export function jobs(db: Db): JobMethods {
  // PostgreSQL: SKIP LOCKED lets concurrent claimers pass over each other's row instead of queueing
  // on it. SQLite runs the whole statement under its single write lock, which is enough.
  const skipLocked = db.dialect === "postgres" ? " FOR UPDATE SKIP LOCKED" : "";
  const get = async (id: number) => {
    const row = await db.get("SELECT * FROM jobs WHERE id = ?", [id]);
    return row ? toJob(row) : null;
  };

  return {
    async enqueueJob({ kind, dedupeKey, payload, runAfter }) {
      const json = JSON.stringify(payload ?? null);
      if (containsKey(json) || containsKey(dedupeKey)) {
        throw new Error(
          `Refused to enqueue a ${kind} job whose payload or dedupe key contains a Moltbook key (enqueueJob). To resolve, put the key's location (repo, commit, path, line) in the payload; the job re-reads the key from there.`,
        );
      }
      const now = db.now();
      const due = runAfter ? runAfter.getTime() : now;
      const inserted = await db.get(
        `INSERT INTO jobs (kind, dedupe_key, payload, state, run_after, created_at, updated_at)
         VALUES (?, ?, ?, 'pending', ?, ?, ?)
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING *`,
        [kind, dedupeKey, json, due, now, now],
      );
      if (inserted) return { job: toJob(inserted), created: true };
      // A job that failed for good is given a fresh start: redelivering its webhook is how an
      // operator retries it.
      const revived = await db.get(
        `UPDATE jobs SET state = 'pending', kind = ?, payload = ?, attempts = 0, run_after = ?, last_error = NULL,
                         leased_by = NULL, lease_expires_at = NULL, finished_at = NULL, updated_at = ?
         WHERE dedupe_key = ? AND state = 'failed'
         RETURNING *`,
        [kind, json, due, now, dedupeKey],
      );
      if (revived) return { job: toJob(revived), created: true };
      const existing = await db.get("SELECT * FROM jobs WHERE dedupe_key = ?", [dedupeKey]);
      return { job: toJob(existing!), created: false };
    },

    async claimNextJob(workerId, leaseMs) {
      const now = db.now();
      const row = await db.get(
        `UPDATE jobs SET state = 'running', leased_by = ?, lease_expires_at = ?, claims = claims + 1, updated_at = ?
         WHERE id = (
           SELECT id FROM jobs
           WHERE (state = 'pending' AND run_after <= ?) OR (state = 'running' AND lease_expires_at <= ?)
           ORDER BY run_after, id
           LIMIT 1${skipLocked}
         )
         RETURNING *`,
        [workerId, now + leaseMs, now, now, now],
      );
      return row ? toJob(row) : null;
    },

    async renewJobLease(id, workerId, leaseMs) {
      const now = db.now();
      const changed = await db.run(
        `UPDATE jobs SET lease_expires_at = ?, updated_at = ? WHERE id = ? AND state = 'running' AND leased_by = ?`,
        [now + leaseMs, now, id, workerId],
      );
      return changed === 1;
    },

    async completeJob(id) {
      const now = db.now();
      await db.run(
        `UPDATE jobs SET state = 'done', leased_by = NULL, lease_expires_at = NULL, finished_at = ?, updated_at = ?
         WHERE id = ?`,
        [now, now, id],
      );
    },

    async failJob(id, error, retryAt) {
      const now = db.now();
      await db.run(
        `UPDATE jobs SET state = ?, attempts = attempts + 1, last_error = ?, run_after = COALESCE(?, run_after),
                         leased_by = NULL, lease_expires_at = NULL, finished_at = ?, updated_at = ?
         WHERE id = ?`,
        [
          retryAt ? "pending" : "failed",
          scrubKeys(error),
          retryAt?.getTime() ?? null,
          retryAt ? null : now,
          now,
          id,
        ],
      );
    },

    getJob: get,

    async listJobs(filter = {}) {
      const { where, params } = whereEquals({
        state: filter.state || undefined,
        kind: filter.kind || undefined,
      });
      const rows = await db.all(`SELECT * FROM jobs${where} ORDER BY id`, params);
      return rows.map(toJob);
    },

    async pruneJobs(finishedBefore) {
      return db.run("DELETE FROM jobs WHERE state = 'done' AND finished_at < ?", [finishedBefore.getTime()]);
    },
  };
}

function toJob(r: Row): Job {
  return {
    id: num(r.id),
    kind: str(r.kind),
    dedupeKey: str(r.dedupe_key),
    payload: JSON.parse(str(r.payload)) as unknown,
    state: str(r.state) as Job["state"],
    attempts: num(r.attempts),
    claims: num(r.claims),
    runAfter: dateOf(r.run_after),
    leasedBy: strOrNull(r.leased_by),
    leaseExpiresAt: dateOrNull(r.lease_expires_at),
    lastError: strOrNull(r.last_error),
    createdAt: dateOf(r.created_at),
    updatedAt: dateOf(r.updated_at),
    finishedAt: dateOrNull(r.finished_at),
  };
}
