import type { Migration } from "./migrations.js";

export type Row = Record<string, unknown>;
export type SqlValue = string | number | null;

/**
 * The little both databases must offer. SQL is written once with `?` placeholders in the subset
 * SQLite and PostgreSQL share (ON CONFLICT, RETURNING); every store operation is one statement,
 * so atomicity comes from the database and no transaction spans an `await`.
 */
export interface SqlDriver {
  readonly dialect: "sqlite" | "postgres";
  /** Rows of a SELECT, or of a write with RETURNING. */
  all(sql: string, params: SqlValue[]): Promise<Row[]>;
  /** A write without RETURNING: how many rows it changed. */
  run(sql: string, params: SqlValue[]): Promise<number>;
  /** Applies the missing steps in one transaction, safe against other instances doing the same. */
  migrate(migrations: readonly Migration[]): Promise<number[]>;
  close(): Promise<void>;
}
