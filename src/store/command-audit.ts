import { scrubKeys } from "./guard-secrets.js";
import type { CommandRecord } from "./records.js";
import type { Row } from "./sql-driver.js";
import type { Db } from "./sql-db.js";
import { dateOf, ms, num, str, whereEquals } from "./sql-values.js";
import type { Store } from "./store.js";

type AuditMethods = Pick<Store, "recordCommand" | "listCommands">;

// Commands are typed by people, who may paste a key into one: arguments and outcomes are kept with
// any key redacted, so the trail stays complete without holding the secret.
export function commandAudit(db: Db): AuditMethods {
  return {
    async recordCommand(input) {
      const row = await db.get(
        `INSERT INTO command_audit (installation_id, repo, number, actor, command, args, outcome, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         RETURNING *`,
        [
          input.installationId,
          input.repo,
          input.number,
          input.actor,
          scrubKeys(input.command),
          JSON.stringify(input.args.map(scrubKeys)),
          scrubKeys(input.outcome),
          ms(input.at) ?? db.now(),
        ],
      );
      return toCommandRecord(row!);
    },

    async listCommands({ installationId, repo, number }) {
      const { where, params } = whereEquals({ installation_id: installationId, repo, number });
      const rows = await db.all(`SELECT * FROM command_audit${where} ORDER BY id`, params);
      return rows.map(toCommandRecord);
    },
  };
}

function toCommandRecord(r: Row): CommandRecord {
  return {
    id: num(r.id),
    installationId: num(r.installation_id),
    repo: str(r.repo),
    number: num(r.number),
    actor: str(r.actor),
    command: str(r.command),
    args: JSON.parse(str(r.args)) as string[],
    outcome: str(r.outcome),
    at: dateOf(r.at),
  };
}
