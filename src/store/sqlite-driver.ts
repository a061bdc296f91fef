import Database from "better-sqlite3";
import { migrationSql, type Migration } from "./migrations.js";
import type { Row, SqlDriver, SqlValue } from "./sql-driver.js";

export interface SqliteDriverOptions {
  /** How long a writer waits for another connection's write to finish. */
  busyTimeoutMs?: number;
}

/**
 * better-sqlite3 is synchronous: each statement runs to completion before any other JavaScript,
 * and across connections (processes, or two stores on one file) SQLite's write lock serialises
 * them, waiting up to the busy timeout. WAL lets readers go on while one writes.
 */
export function sqliteDriver(filename: string, options: SqliteDriverOptions = {}): SqlDriver {
  let db: Database.Database;
  try {
    db = new Database(filename, { timeout: options.busyTimeoutMs ?? 5_000 });
  } catch (error) {
    throw new Error(
      `Could not open the SQLite database (${filename}). To resolve, check that its directory exists and is writable, or set DATABASE_URL.`,
      { cause: error },
    );
  }
  if (filename !== ":memory:") db.pragma("journal_mode = WAL");
  // NORMAL is durable across application crashes in WAL mode; only a power cut can lose the last commits.
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");

  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      statements.set(sql, stmt);
    }
    return stmt;
  };

  return {
    dialect: "sqlite",
    async all(sql: string, params: SqlValue[]): Promise<Row[]> {
      return prepare(sql).all(...params) as Row[];
    },
    async run(sql: string, params: SqlValue[]): Promise<number> {
      return prepare(sql).run(...params).changes;
    },
    async migrate(migrations: readonly Migration[]): Promise<number[]> {
      // IMMEDIATE takes the write lock first, so a second process opening the same file waits and
      // then finds the steps already applied.
      const apply = db.transaction(() => {
        db.exec(
          "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
        );
        const done = new Set(
          (db.prepare("SELECT version FROM migrations").all() as { version: number }[]).map((r) => r.version),
        );
        const applied: number[] = [];
        for (const m of migrations) {
          if (done.has(m.version)) continue;
          db.exec(migrationSql(m, "sqlite"));
          db.prepare("INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
            m.version,
            m.name,
            Date.now(),
          );
          applied.push(m.version);
        }
        return applied;
      });
      return apply.immediate();
    },
    async close(): Promise<void> {
      statements.clear();
      if (db.open) db.close();
    },
  };
}
