import { assertFingerprint, scrubKeys } from "./guard-secrets.js";
import type { IgnoredFingerprint } from "./records.js";
import type { Row } from "./sql-driver.js";
import type { Db } from "./sql-db.js";
import { dateOf, emptyToNull, ms, num, str } from "./sql-values.js";
import type { Store } from "./store.js";

type IgnoreMethods = Pick<
  Store,
  "ignoreFingerprint" | "unignoreFingerprint" | "findIgnoredFingerprint" | "listIgnoredFingerprints"
>;

// Installation-wide entries are stored with repo '' so that the primary key can hold them.
export function ignoredFingerprints(db: Db): IgnoreMethods {
  return {
    async ignoreFingerprint({ installationId, repo, fingerprint, reason, by, at }) {
      assertFingerprint(fingerprint, "ignoreFingerprint fingerprint");
      if (!reason.trim()) {
        throw new Error(
          `An ignored fingerprint needs a reason (ignoreFingerprint ${fingerprint}). To resolve, say why, e.g. "/moltbook-guard ignore <fingerprint> test fixture, key revoked".`,
        );
      }
      const row = await db.get(
        `INSERT INTO ignored_fingerprints (installation_id, repo, fingerprint, reason, ignored_by, ignored_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (installation_id, repo, fingerprint) DO UPDATE SET
           reason = excluded.reason, ignored_by = excluded.ignored_by, ignored_at = excluded.ignored_at
         RETURNING *`,
        [installationId, repo ?? "", fingerprint, scrubKeys(reason), by, ms(at) ?? db.now()],
      );
      return toIgnored(row!);
    },

    async unignoreFingerprint(installationId, repo, fingerprint) {
      const changed = await db.run(
        "DELETE FROM ignored_fingerprints WHERE installation_id = ? AND repo = ? AND fingerprint = ?",
        [installationId, repo ?? "", fingerprint],
      );
      return changed > 0;
    },

    async findIgnoredFingerprint(installationId, repo, fingerprint) {
      // The repository's own entry first: its reason is the more specific one.
      const row = await db.get(
        `SELECT * FROM ignored_fingerprints WHERE installation_id = ? AND fingerprint = ? AND repo IN (?, '')
         ORDER BY repo DESC LIMIT 1`,
        [installationId, fingerprint, repo],
      );
      return row ? toIgnored(row) : null;
    },

    async listIgnoredFingerprints(installationId, repo) {
      const rows = await db.all(
        `SELECT * FROM ignored_fingerprints WHERE installation_id = ? AND repo IN (?, '')
         ORDER BY ignored_at, repo, fingerprint`,
        [installationId, repo ?? ""],
      );
      return rows.map(toIgnored);
    },
  };
}

function toIgnored(r: Row): IgnoredFingerprint {
  return {
    installationId: num(r.installation_id),
    repo: emptyToNull(r.repo),
    fingerprint: str(r.fingerprint),
    reason: str(r.reason),
    ignoredBy: str(r.ignored_by),
    ignoredAt: dateOf(r.ignored_at),
  };
}
