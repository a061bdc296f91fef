import type { Installation } from "./records.js";
import type { Row } from "./sql-driver.js";
import type { Db } from "./sql-db.js";
import { dateOf, dateOrNull, ms, num, str, strOrNull } from "./sql-values.js";
import type { Store } from "./store.js";

type InstallationMethods = Pick<
  Store,
  | "upsertInstallation"
  | "getInstallation"
  | "listInstallations"
  | "markInstallationSwept"
  | "removeInstallation"
>;

export function installations(db: Db): InstallationMethods {
  return {
    async upsertInstallation({ id, accountLogin, governanceRepo }) {
      const now = db.now();
      // governance_repo is only overwritten when the caller says something about it.
      const keepRepo = governanceRepo === undefined ? 1 : 0;
      const row = await db.get(
        `INSERT INTO installations (id, account_login, governance_repo, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET
           account_login = excluded.account_login,
           governance_repo = CASE WHEN ? = 1 THEN installations.governance_repo ELSE excluded.governance_repo END,
           updated_at = excluded.updated_at
         RETURNING *`,
        [id, accountLogin, governanceRepo ?? null, now, now, keepRepo],
      );
      return toInstallation(row!);
    },
    async getInstallation(id) {
      const row = await db.get("SELECT * FROM installations WHERE id = ?", [id]);
      return row ? toInstallation(row) : null;
    },
    async listInstallations() {
      return (await db.all("SELECT * FROM installations ORDER BY id")).map(toInstallation);
    },
    async markInstallationSwept(id, at) {
      const now = db.now();
      await db.run("UPDATE installations SET last_sweep_at = ?, updated_at = ? WHERE id = ?", [
        ms(at) ?? now,
        now,
        id,
      ]);
    },
    async removeInstallation(id) {
      await db.run("DELETE FROM installations WHERE id = ?", [id]);
    },
  };
}

function toInstallation(r: Row): Installation {
  return {
    id: num(r.id),
    accountLogin: str(r.account_login),
    governanceRepo: strOrNull(r.governance_repo),
    lastSweepAt: dateOrNull(r.last_sweep_at),
    createdAt: dateOf(r.created_at),
    updatedAt: dateOf(r.updated_at),
  };
}
