import pg from "pg";
import { migrationSql, type Migration } from "./migrations.js";
import type { Row, SqlDriver, SqlValue } from "./sql-driver.js";

export interface PostgresDriverOptions {
  /** A schema of its own (created if missing), e.g. one per test run. Default: the server's search_path. */
  schema?: string;
  maxConnections?: number;
}

// Any fixed number: it only has to be the same for every instance running migrations.
const MIGRATION_LOCK = 7_241_932;

/** `?` placeholders become `$1, $2, …`; the store's SQL has no `?` inside literals. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export function postgresDriver(connectionString: string, options: PostgresDriverOptions = {}): SqlDriver {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(
      `Invalid PostgreSQL schema name "${schema}" (store). To resolve, use lower-case letters, digits and underscores.`,
    );
  }
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on("error", () => {});

  const query = async (sql: string, params: SqlValue[]) => {
    try {
      return await pool.query(numbered(sql), params);
    } catch (error) {
      throw new Error(
        `A PostgreSQL statement failed (store: ${sql.trim().split(/\s+/).slice(0, 3).join(" ")} …). To resolve, check DATABASE_URL and that the server is reachable; the cause says more.`,
        { cause: error },
      );
    }
  };

  return {
    dialect: "postgres",
    async all(sql: string, params: SqlValue[]): Promise<Row[]> {
      return (await query(sql, params)).rows as Row[];
    },
    async run(sql: string, params: SqlValue[]): Promise<number> {
      return (await query(sql, params)).rowCount ?? 0;
    },
    async migrate(migrations: readonly Migration[]): Promise<number[]> {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        // Instances starting together queue here; the later ones find the steps applied.
        await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
        if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
        await client.query(
          "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
        );
        const done = new Set(
          (await client.query<{ version: number }>("SELECT version FROM migrations")).rows.map(
            (r) => r.version,
          ),
        );
        const applied: number[] = [];
        for (const m of migrations) {
          if (done.has(m.version)) continue;
          await client.query(migrationSql(m, "postgres"));
          await client.query("INSERT INTO migrations (version, name, applied_at) VALUES ($1, $2, $3)", [
            m.version,
            m.name,
            Date.now(),
          ]);
          applied.push(m.version);
        }
        await client.query("COMMIT");
        return applied;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw new Error(
          `Could not apply the store's migrations (PostgreSQL). To resolve, check that the DATABASE_URL user may create tables${schema ? ` in schema ${schema}` : ""}.`,
          { cause: error },
        );
      } finally {
        client.release();
      }
    },
    async close(): Promise<void> {
      await pool.end();
    },
  };
}
