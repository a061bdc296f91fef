import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { postgresDriver } from "./postgres-driver.js";
import { sqliteDriver } from "./sqlite-driver.js";
import { sqlStore } from "./sql-store.js";
import type { Store } from "./store.js";

export interface OpenStoreOptions {
  /** Where the default SQLite file goes when DATABASE_URL is unset. Default `./data`. */
  dataDir?: string;
  /** PostgreSQL only: a schema of its own, created if missing. */
  schema?: string;
  busyTimeoutMs?: number;
  now?: () => number;
}

export const DEFAULT_DATABASE_FILE = "moltbook-guard.db";

/**
 * `DATABASE_URL` decides: unset → SQLite at `./data/moltbook-guard.db`; `file:PATH` → SQLite at
 * PATH; `:memory:` → SQLite in memory (tests); `postgres://…` or `postgresql://…` → PostgreSQL.
 * Migrations are applied before the store is returned.
 */
export async function openStore(databaseUrl?: string, options: OpenStoreOptions = {}): Promise<Store> {
  const url = databaseUrl?.trim() || undefined;
  const { now } = options;
  if (!url) {
    const file = join(resolve(options.dataDir ?? "data"), DEFAULT_DATABASE_FILE);
    return sqlStore(sqliteDriver(ensureDir(file), options), { now });
  }
  if (url === ":memory:") return sqlStore(sqliteDriver(":memory:", options), { now });
  if (url.startsWith("file:")) {
    const file = url.startsWith("file://") ? fileURLToPath(url) : url.slice("file:".length);
    if (!file) throw invalidUrl("file: needs a path after it");
    return sqlStore(sqliteDriver(ensureDir(resolve(file)), options), { now });
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    return sqlStore(postgresDriver(url, { schema: options.schema }), { now });
  }
  throw invalidUrl("its scheme is not one the store knows");
}

function ensureDir(file: string): string {
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    throw new Error(
      `Could not create the directory for the SQLite database (${dirname(file)}). To resolve, create it and make it writable, or point DATABASE_URL elsewhere.`,
      { cause: error },
    );
  }
  return file;
}

// The URL itself is left out of the message: a PostgreSQL URL can carry a password.
function invalidUrl(why: string): Error {
  return new Error(
    `DATABASE_URL is not usable (${why}). To resolve, leave it unset for SQLite under ./data, or set file:PATH, :memory:, or postgres://user@host:5432/db.`,
  );
}
