import { assertFingerprint } from "./guard-secrets.js";
import type { Sighting } from "./records.js";
import type { Row } from "./sql-driver.js";
import type { Db } from "./sql-db.js";
import {
  dateOf,
  dateOrNull,
  emptyToNull,
  ms,
  num,
  numOrNull,
  placeholders,
  str,
  strOrNull,
} from "./sql-values.js";
import type { Store } from "./store.js";

type SightingMethods = Pick<Store, "recordSighting" | "listSightings" | "markSightingsRemoved">;

export function sightings(db: Db): SightingMethods {
  return {
    async recordSighting(input) {
      assertFingerprint(input.fingerprint, "recordSighting fingerprint");
      const commit = input.commitSha ?? "";
      const key = [input.installationId, input.fingerprint, input.repo, commit, input.path, input.line];
      const row = await db
        .get(
          `INSERT INTO sightings (installation_id, fingerprint, repo, commit_sha, path, line, col, encoding, source,
                                pr_number, evidence_url, first_seen_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (installation_id, fingerprint, repo, commit_sha, path, line) DO NOTHING
         RETURNING *`,
          [
            ...key,
            input.column,
            input.encoding,
            input.source,
            input.prNumber ?? null,
            input.evidenceUrl ?? null,
            ms(input.seenAt) ?? db.now(),
          ],
        )
        .catch((error: unknown) => {
          if (!isForeignKeyViolation(error)) throw error;
          throw new Error(
            `Could not record a sighting of ${input.fingerprint} in ${input.repo} (recordSighting). To resolve, create its incident first with upsertIncident or use recordFinding.`,
            { cause: error },
          );
        });
      if (row) return { sighting: toSighting(row), created: true };
      const existing = await db.get(
        `SELECT * FROM sightings WHERE installation_id = ? AND fingerprint = ? AND repo = ? AND commit_sha = ?
           AND path = ? AND line = ?`,
        key,
      );
      return { sighting: toSighting(existing!), created: false };
    },

    async listSightings(filter) {
      const where = ["installation_id = ?"];
      const params: (string | number)[] = [filter.installationId];
      if (filter.fingerprint !== undefined) {
        where.push("fingerprint = ?");
        params.push(filter.fingerprint);
      }
      if (filter.repo !== undefined) {
        where.push("repo = ?");
        params.push(filter.repo);
      }
      if (filter.prNumber !== undefined) {
        where.push("pr_number = ?");
        params.push(filter.prNumber);
      }
      if (filter.present !== undefined)
        where.push(filter.present ? "removed_at IS NULL" : "removed_at IS NOT NULL");
      const rows = await db.all(`SELECT * FROM sightings WHERE ${where.join(" AND ")} ORDER BY id`, params);
      return rows.map(toSighting);
    },

    async markSightingsRemoved({ installationId, repo, prNumber, stillPresent = [] }, at) {
      const keep = stillPresent.length
        ? ` AND fingerprint NOT IN (${placeholders(stillPresent.length)})`
        : "";
      const rows = await db.all(
        `UPDATE sightings SET removed_at = ?
         WHERE installation_id = ? AND repo = ? AND pr_number = ? AND removed_at IS NULL${keep}
         RETURNING *`,
        [ms(at) ?? db.now(), installationId, repo, prNumber, ...stillPresent],
      );
      return rows.map(toSighting).sort((a, b) => a.id - b.id);
    },
  };
}

function isForeignKeyViolation(error: unknown): boolean {
  const code = (e: unknown) => (e as { code?: unknown } | undefined)?.code;
  const c = code(error) ?? code((error as { cause?: unknown }).cause);
  return c === "SQLITE_CONSTRAINT_FOREIGNKEY" || c === "23503";
}

function toSighting(r: Row): Sighting {
  return {
    id: num(r.id),
    installationId: num(r.installation_id),
    fingerprint: str(r.fingerprint),
    repo: str(r.repo),
    commitSha: emptyToNull(r.commit_sha),
    path: str(r.path),
    line: num(r.line),
    column: num(r.col),
    encoding: str(r.encoding) as Sighting["encoding"],
    source: str(r.source),
    prNumber: numOrNull(r.pr_number),
    evidenceUrl: strOrNull(r.evidence_url),
    firstSeenAt: dateOf(r.first_seen_at),
    removedAt: dateOrNull(r.removed_at),
  };
}
