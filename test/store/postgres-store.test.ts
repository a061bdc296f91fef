// The same contract against PostgreSQL on 127.0.0.1:5432, database `test`, in schemas of this run's
// own, so parallel runs and other suites sharing the database never see each other's rows.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { postgresDriver } from "../../src/store/postgres-driver.js";
import { checkContentHashUpgrade } from "./content-hash-upgrade.js";
import { storeContract } from "./store-contract.js";

const URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const available = await reachable();

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

let counter = 0;
const schemaName = () => `mg_test_${process.pid}_${Date.now() % 1e6}_${++counter}`;

async function withClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

if (available) {
  // One schema for the contract, emptied after each test: far cheaper than a schema per test.
  const schema = schemaName();
  afterAll(() => withClient((client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)));
  const tables = (client: pg.Client) =>
    client
      .query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'migrations'",
        [schema],
      )
      .then((r) => r.rows.map((row) => `${schema}.${row.table_name}`));

  storeContract("PostgreSQL", {
    shared: true,
    async fresh(now) {
      return {
        open: () => openStore(URL, { schema, now }),
        contents: () =>
          withClient(async (client) => {
            const parts: string[] = [];
            for (const table of await tables(client)) {
              const rows = await client.query<{ row: string }>(`SELECT t::text AS row FROM ${table} t`);
              parts.push(...rows.rows.map((r) => r.row));
            }
            return parts.join("\n");
          }),
        cleanup: () =>
          withClient(async (client) => {
            await client.query(`TRUNCATE ${(await tables(client)).join(", ")} RESTART IDENTITY`);
          }),
      };
    },
  });

  describe("PostgreSQL store", () => {
    it("migrates once when two instances start together, and once more on reopen", async () => {
      const schema = schemaName();
      try {
        const stores = await Promise.all([openStore(URL, { schema }), openStore(URL, { schema })]);
        await Promise.all(stores.map((s) => s.close()));
        const again = await openStore(URL, { schema });
        expect(again.kind).toBe("postgres");
        await again.close();
        const versions = await withClient((c) =>
          c.query(`SELECT version FROM ${schema}.migrations ORDER BY version`),
        );
        expect(versions.rows.map((r: { version: number }) => r.version)).toEqual(
          MIGRATIONS.map((m) => m.version),
        );
      } finally {
        await withClient((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
      }
    });

    it("upgrades owned objects' content hashes to sha256: + hex, rewriting nothing unchanged", async () => {
      const schema = schemaName();
      try {
        await checkContentHashUpgrade(postgresDriver(URL, { schema }));
      } finally {
        await withClient((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
      }
    });

    it("refuses a schema name it would have to quote", async () => {
      await expect(openStore(URL, { schema: "x; DROP TABLE y" })).rejects.toThrow(
        /Invalid PostgreSQL schema name/,
      );
    });
  });
} else if (process.env.CI === "true") {
  it("needs PostgreSQL on 127.0.0.1:5432 (database test) in CI", () => {
    expect.fail(
      `PostgreSQL is not reachable at ${URL}. To resolve, start it with trust auth and a database named test.`,
    );
  });
} else {
  it.skip(`PostgreSQL store contract: skipped, no server at ${URL} (set CI=true to make this a failure)`, () => {});
}
