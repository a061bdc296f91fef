import { assertNoKey } from "./guard-secrets.js";
import type { Row, SqlDriver, SqlValue } from "./sql-driver.js";

/** A driver with the store's clock, and the check that no statement can write a key. */
export interface Db {
  readonly dialect: SqlDriver["dialect"];
  now(): number;
  all(sql: string, params?: SqlValue[]): Promise<Row[]>;
  get(sql: string, params?: SqlValue[]): Promise<Row | undefined>;
  run(sql: string, params?: SqlValue[]): Promise<number>;
}

export function sqlDb(driver: SqlDriver, now: () => number): Db {
  const checked = (params: SqlValue[]): SqlValue[] => {
    for (const p of params) assertNoKey(p, "store");
    return params;
  };
  return {
    dialect: driver.dialect,
    now,
    all: (sql, params = []) => driver.all(sql, checked(params)),
    get: async (sql, params = []) => (await driver.all(sql, checked(params)))[0],
    run: (sql, params = []) => driver.run(sql, checked(params)),
  };
}
