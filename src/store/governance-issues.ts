import type { GovernanceIssue } from "./records.js";
import type { Row } from "./sql-driver.js";
import type { Db } from "./sql-db.js";
import { dateOf, dateOrNull, ms, num, str, strOrNull, whereEquals } from "./sql-values.js";
import type { Store } from "./store.js";

type GovernanceMethods = Pick<
  Store,
  "saveGovernanceIssue" | "getGovernanceIssue" | "listGovernanceIssues" | "snoozeGovernanceIssue"
>;

const PK = "installation_id = ? AND key_id = ? AND kind = ?";

export function governanceIssues(db: Db): GovernanceMethods {
  return {
    async saveGovernanceIssue(input) {
      const now = db.now();
      // snoozed_until is left alone: a snooze outlives the issue being rewritten or reopened.
      const row = await db.get(
        `INSERT INTO governance_issues (installation_id, key_id, kind, repo, number, state, content_hash,
                                        created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (installation_id, key_id, kind) DO UPDATE SET
           repo = excluded.repo, number = excluded.number, state = excluded.state,
           content_hash = excluded.content_hash, updated_at = excluded.updated_at
         RETURNING *`,
        [
          input.installationId,
          input.keyId,
          input.kind,
          input.repo,
          input.number,
          input.state,
          input.contentHash,
          now,
          now,
        ],
      );
      return toGovernanceIssue(row!);
    },

    async getGovernanceIssue(installationId, keyId, kind) {
      const row = await db.get(`SELECT * FROM governance_issues WHERE ${PK}`, [installationId, keyId, kind]);
      return row ? toGovernanceIssue(row) : null;
    },

    async listGovernanceIssues(installationId, filter = {}) {
      const { where, params } = whereEquals({
        installation_id: installationId,
        state: filter.state || undefined,
        kind: filter.kind || undefined,
      });
      const rows = await db.all(`SELECT * FROM governance_issues${where} ORDER BY key_id, kind`, params);
      return rows.map(toGovernanceIssue);
    },

    async snoozeGovernanceIssue(installationId, keyId, kind, until) {
      const row = await db.get(
        `UPDATE governance_issues SET snoozed_until = ?, updated_at = ? WHERE ${PK} RETURNING *`,
        [ms(until), db.now(), installationId, keyId, kind],
      );
      return row ? toGovernanceIssue(row) : null;
    },
  };
}

function toGovernanceIssue(r: Row): GovernanceIssue {
  return {
    installationId: num(r.installation_id),
    keyId: str(r.key_id),
    kind: str(r.kind),
    repo: str(r.repo),
    number: num(r.number),
    state: str(r.state) as GovernanceIssue["state"],
    contentHash: strOrNull(r.content_hash),
    snoozedUntil: dateOrNull(r.snoozed_until),
    createdAt: dateOf(r.created_at),
    updatedAt: dateOf(r.updated_at),
  };
}
