import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { scanText } from "../../src/detect/index.js";
import { openStore } from "../../src/store/index.js";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { sqliteDriver } from "../../src/store/sqlite-driver.js";
import { checkContentHashUpgrade } from "./content-hash-upgrade.js";
import { storeContract } from "./store-contract.js";
import { testKey } from "./test-keys.js";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "mg-store-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The database file and its write-ahead log, byte for byte, as text to search. */
function fileContents(file: string): string {
  return [file, `${file}-wal`]
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f).toString("latin1"))
    .join("\n");
}

storeContract("SQLite in memory", {
  shared: false,
  async fresh(now) {
    return { open: () => openStore(":memory:", { now }), cleanup: async () => {} };
  },
});

storeContract("SQLite file", {
  shared: true,
  async fresh(now) {
    const file = join(tempDir(), "store.db");
    return {
      open: () => openStore(`file:${file}`, { now }),
      contents: async () => fileContents(file),
      cleanup: async () => {},
    };
  },
});

describe("SQLite store", () => {
  it("opens ./data/moltbook-guard.db under dataDir when DATABASE_URL is unset, in WAL mode", async () => {
    const dataDir = join(tempDir(), "nested", "data");
    const store = await openStore(undefined, { dataDir });
    await store.upsertInstallation({ id: 1, accountLogin: "acme" });
    await store.close();
    const file = join(dataDir, "moltbook-guard.db");
    const db = new Database(file, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.prepare("SELECT account_login FROM installations").get()).toEqual({ account_login: "acme" });
    db.close();
  });

  it("accepts file: paths and file:// URLs", async () => {
    const dir = tempDir();
    for (const url of [`file:${join(dir, "a", "x.db")}`, `file://${join(dir, "b", "y.db")}`]) {
      const store = await openStore(url);
      expect(store.kind).toBe("sqlite");
      await store.close();
    }
    expect(existsSync(join(dir, "a", "x.db"))).toBe(true);
    expect(existsSync(join(dir, "b", "y.db"))).toBe(true);
  });

  it("applies each migration once, and keeps data across reopening", async () => {
    const file = join(tempDir(), "m.db");
    const first = await openStore(`file:${file}`);
    await first.enqueueJob({ kind: "k", dedupeKey: "d", payload: { a: 1 } });
    await first.close();
    const second = await openStore(`file:${file}`);
    expect(await second.listJobs()).toHaveLength(1);
    await second.close();
    const db = new Database(file, { readonly: true });
    const rows = db.prepare("SELECT version FROM migrations ORDER BY version").all() as { version: number }[];
    db.close();
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it("upgrades owned objects' content hashes to sha256: + hex, rewriting nothing unchanged", async () => {
    await checkContentHashUpgrade(sqliteDriver(":memory:"));
  });

  it("migrates once when two stores open a new file at the same time", async () => {
    const file = join(tempDir(), "race.db");
    const stores = await Promise.all([openStore(`file:${file}`), openStore(`file:${file}`)]);
    await Promise.all(stores.map((s) => s.close()));
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM migrations").get()).toEqual({ n: MIGRATIONS.length });
    db.close();
  });

  it("says what to do with a DATABASE_URL it cannot use, without echoing it", async () => {
    await expect(openStore("mysql://root:hunter2@db/x")).rejects.toThrow(
      /DATABASE_URL is not usable \(its scheme is not one the store knows\)\. To resolve/,
    );
    await expect(openStore("mysql://root:hunter2@db/x")).rejects.not.toThrow(/hunter2/);
    await expect(openStore("file:")).rejects.toThrow(/file: needs a path/);
    const blocker = join(tempDir(), "not-a-dir");
    rmSync(blocker, { force: true });
    (await import("node:fs")).writeFileSync(blocker, "");
    await expect(openStore(`file:${join(blocker, "x.db")}`)).rejects.toThrow(
      /Could not create the directory .*To resolve/,
    );
  });

  it("closes idempotently", async () => {
    const store = await openStore(":memory:");
    await store.close();
    await store.close();
  });
});

describe("SQLite store with the detector", () => {
  it("records a detector Finding without ever writing its key", async () => {
    const file = join(tempDir(), "findings.db");
    const store = await openStore(`file:${file}`);
    const key = testKey();
    const [finding] = scanText(`API_KEY=${key.raw}\n`, { path: ".env" });
    expect(finding.fingerprint).toBe(key.fingerprint);
    const { incident, sighting } = await store.recordFinding({
      installationId: 1,
      repo: "acme/api",
      source: "push",
      finding: { ...finding, commit: "b".repeat(40) },
    });
    expect(incident).toMatchObject({ redacted: key.redacted, state: "found" });
    expect(sighting).toMatchObject({ path: ".env", line: 1, column: 9, commitSha: "b".repeat(40) });
    const contents = fileContents(file);
    expect(contents).toContain(key.fingerprint);
    expect(contents).not.toContain(key.raw.slice("moltbook_sk_".length));
    await store.close();
  });
});
