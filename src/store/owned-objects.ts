import { setTimeout as sleep } from "node:timers/promises";
import type { OwnedObject, OwnedObjectRef } from "./records.js";
import type { Row } from "./sql-driver.js";
import type { Db } from "./sql-db.js";
import { dateOf, dateOrNull, num, numOrNull, str, strOrNull, whereEquals } from "./sql-values.js";
import type { Store } from "./store.js";

type OwnedObjectMethods = Pick<
  Store,
  | "claimOwnedObject"
  | "recordOwnedObject"
  | "releaseOwnedObject"
  | "getOwnedObject"
  | "waitForOwnedObject"
  | "listOwnedObjects"
>;

const PK = "installation_id = ? AND repo = ? AND kind = ? AND object_key = ?";
const pk = (ref: OwnedObjectRef) => [ref.installationId, ref.repo, ref.kind, ref.key];

export function ownedObjects(db: Db): OwnedObjectMethods {
  const get = async (ref: OwnedObjectRef) => {
    const row = await db.get(`SELECT * FROM owned_objects WHERE ${PK}`, pk(ref));
    return row ? toOwnedObject(row) : null;
  };

  return {
    async claimOwnedObject(ref, holder, ttlMs = 60_000) {
      // Each step is one atomic statement, so of two workers exactly one inserts (or takes over a
      // claim whose holder died); the other reads the winner's row.
      for (let tries = 0; tries < 5; tries++) {
        const now = db.now();
        const inserted = await db.get(
          `INSERT INTO owned_objects (installation_id, repo, kind, object_key, state, claimed_by, claim_expires_at,
                                      created_at, updated_at)
           VALUES (?, ?, ?, ?, 'creating', ?, ?, ?, ?)
           ON CONFLICT (installation_id, repo, kind, object_key) DO NOTHING
           RETURNING *`,
          [...pk(ref), holder, now + ttlMs, now, now],
        );
        if (inserted) return { claimed: true, object: toOwnedObject(inserted) };
        const takenOver = await db.get(
          `UPDATE owned_objects SET claimed_by = ?, claim_expires_at = ?, updated_at = ?
           WHERE ${PK} AND state = 'creating' AND claim_expires_at <= ?
           RETURNING *`,
          [holder, now + ttlMs, now, ...pk(ref), now],
        );
        if (takenOver) return { claimed: true, object: toOwnedObject(takenOver) };
        const existing = await get(ref);
        // Gone between the two statements: its claimant released it. Try again.
        if (existing) return { claimed: false, object: existing };
      }
      throw new Error(
        `Could not claim ${ref.kind} ${ref.key} in ${ref.repo} (claimOwnedObject): it keeps being created and released. To resolve, look for a worker failing to create it.`,
      );
    },

    async recordOwnedObject(ref, write) {
      const now = db.now();
      const row = await db.get(
        `INSERT INTO owned_objects (installation_id, repo, kind, object_key, github_id, number, content_hash, state,
                                    created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (installation_id, repo, kind, object_key) DO UPDATE SET
           github_id = excluded.github_id, number = excluded.number, content_hash = excluded.content_hash,
           state = excluded.state, claimed_by = NULL, claim_expires_at = NULL, updated_at = excluded.updated_at
         RETURNING *`,
        [
          ...pk(ref),
          write.githubId,
          write.number ?? null,
          write.contentHash,
          write.state ?? "open",
          now,
          now,
        ],
      );
      return toOwnedObject(row!);
    },

    async releaseOwnedObject(ref, holder) {
      await db.run(`DELETE FROM owned_objects WHERE ${PK} AND state = 'creating' AND claimed_by = ?`, [
        ...pk(ref),
        holder,
      ]);
    },

    getOwnedObject: get,

    async waitForOwnedObject(ref, { timeoutMs = 10_000, pollMs = 100 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const object = await get(ref);
        if (!object || object.state !== "creating" || Date.now() >= deadline) return object;
        await sleep(pollMs);
      }
    },

    async listOwnedObjects({ installationId, repo, kind }) {
      const { where, params } = whereEquals({ installation_id: installationId, repo, kind });
      const rows = await db.all(
        `SELECT * FROM owned_objects${where} ORDER BY repo, kind, object_key`,
        params,
      );
      return rows.map(toOwnedObject);
    },
  };
}

function toOwnedObject(r: Row): OwnedObject {
  return {
    installationId: num(r.installation_id),
    repo: str(r.repo),
    kind: str(r.kind) as OwnedObject["kind"],
    key: str(r.object_key),
    githubId: numOrNull(r.github_id),
    number: numOrNull(r.number),
    contentHash: strOrNull(r.content_hash),
    state: str(r.state) as OwnedObject["state"],
    claimedBy: strOrNull(r.claimed_by),
    claimExpiresAt: dateOrNull(r.claim_expires_at),
    createdAt: dateOf(r.created_at),
    updatedAt: dateOf(r.updated_at),
  };
}
