import type { Db } from "./sql-db.js";
import type { Store } from "./store.js";

type LeaseMethods = Pick<Store, "acquireLease" | "renewLease" | "releaseLease">;

export function leases(db: Db): LeaseMethods {
  return {
    async acquireLease(name, holder, ttlMs) {
      const now = db.now();
      // One statement: insert when free; take over when expired; extend when already ours.
      const row = await db.get(
        `INSERT INTO leases (name, holder, expires_at, acquired_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET
           holder = excluded.holder,
           expires_at = excluded.expires_at,
           acquired_at = CASE WHEN leases.holder = excluded.holder THEN leases.acquired_at ELSE excluded.acquired_at END
         WHERE leases.holder = excluded.holder OR leases.expires_at <= ?
         RETURNING holder`,
        [name, holder, now + ttlMs, now, now],
      );
      return row !== undefined;
    },

    async renewLease(name, holder, ttlMs) {
      const changed = await db.run("UPDATE leases SET expires_at = ? WHERE name = ? AND holder = ?", [
        db.now() + ttlMs,
        name,
        holder,
      ]);
      return changed === 1;
    },

    async releaseLease(name, holder) {
      return (await db.run("DELETE FROM leases WHERE name = ? AND holder = ?", [name, holder])) === 1;
    },
  };
}
