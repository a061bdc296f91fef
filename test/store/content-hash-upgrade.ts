// Migration 4 against a database an earlier version filled, run by the SQLite and the PostgreSQL
// suites alike: both must leave one hash format and rewrite nothing that did not change.
import { createHash } from "node:crypto";
import { expect } from "vitest";
import { upsertOwnedObject } from "../../src/act/upsert-owned-object.js";
import { contentHash, type OwnedObjectKind } from "../../src/store/index.js";
import { MIGRATIONS } from "../../src/store/migrations.js";
import type { SqlDriver } from "../../src/store/sql-driver.js";
import { sqlStore } from "../../src/store/sql-store.js";

/** What versions before migration 4 stored: the bare hex SHA-256 of what upsertOwnedObject was given. */
const bareHex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

const ref = (kind: OwnedObjectKind, key: string) => ({ installationId: 1, repo: "acme/api", kind, key });

export async function checkContentHashUpgrade(driver: SqlDriver): Promise<void> {
  await driver.migrate(MIGRATIONS.filter((m) => m.version < 4));
  const stored: [OwnedObjectKind, string, string | null][] = [
    ["pr_comment", "pr:7", bareHex("comment body")],
    // The governance sweep stored the bare hex of its own `sha256:` hash.
    ["governance_issue", "key_1:rotation", bareHex(contentHash("issue"))],
    ["dashboard", "dashboard", bareHex("Dashboard\nmoltbook-guard\nsha256:…")],
    ["check_run", "head", contentHash("already in the new format")],
    ["review", "r:1", null],
  ];
  for (const [kind, key, hash] of stored) {
    await driver.run(
      `INSERT INTO owned_objects (installation_id, repo, kind, object_key, github_id, number, content_hash,
                                  state, created_at, updated_at)
       VALUES (1, 'acme/api', ?, ?, 5, 7, ?, 'open', 0, 0)`,
      [kind, key, hash],
    );
  }

  const store = await sqlStore(driver);
  try {
    const hashes = await store.listOwnedObjects({ installationId: 1 });
    expect(Object.fromEntries(hashes.map((o) => [o.kind, o.contentHash]))).toEqual({
      pr_comment: contentHash("comment body"),
      governance_issue: null,
      dashboard: null,
      check_run: contentHash("already in the new format"),
      review: null,
    });
    const unchanged = await upsertOwnedObject(store, ref("pr_comment", "pr:7"), "worker", {
      hash: contentHash("comment body"),
      create: () => Promise.reject(new Error("an unchanged comment must not be created")),
      update: () => Promise.reject(new Error("an unchanged comment must not be rewritten")),
    });
    expect(unchanged.outcome).toBe("unchanged");
  } finally {
    await store.close();
  }
}
