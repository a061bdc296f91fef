import { commandAudit } from "./command-audit.js";
import { governanceIssues } from "./governance-issues.js";
import { ignoredFingerprints } from "./ignored-fingerprints.js";
import { incidents } from "./incidents.js";
import { installations } from "./installations.js";
import { jobs } from "./jobs.js";
import { leases } from "./leases.js";
import { MIGRATIONS } from "./migrations.js";
import { ownedObjects } from "./owned-objects.js";
import { recordFinding } from "./record-finding.js";
import { sightings } from "./sightings.js";
import { sqlDb } from "./sql-db.js";
import type { SqlDriver } from "./sql-driver.js";
import type { Store } from "./store.js";

export interface SqlStoreOptions {
  /** The clock for every time the store writes or compares (leases, due jobs). Tests move it. */
  now?: () => number;
}

/** The one Store implementation: the SQL is shared, the driver supplies the database. */
export async function sqlStore(driver: SqlDriver, options: SqlStoreOptions = {}): Promise<Store> {
  try {
    await driver.migrate(MIGRATIONS);
  } catch (error) {
    await driver.close().catch(() => {});
    throw error;
  }
  const db = sqlDb(driver, options.now ?? Date.now);
  const parts = {
    ...installations(db),
    ...incidents(db),
    ...sightings(db),
    ...ownedObjects(db),
    ...jobs(db),
    ...leases(db),
    ...ignoredFingerprints(db),
    ...governanceIssues(db),
    ...commandAudit(db),
  };
  let closed: Promise<void> | undefined;
  return {
    kind: driver.dialect,
    ...parts,
    recordFinding: recordFinding(parts),
    close: () => (closed ??= driver.close()),
  };
}
