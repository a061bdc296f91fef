// Both databases keep times as milliseconds since the epoch (BIGINT), so comparisons are plain
// integer comparisons in SQL; PostgreSQL hands BIGINT back as a string, hence the conversions.

export function ms(date: Date | null | undefined): number | null {
  return date ? date.getTime() : null;
}

export function num(value: unknown): number {
  return typeof value === "number" ? value : Number(value);
}

export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : num(value);
}

export function dateOf(value: unknown): Date {
  return new Date(num(value));
}

export function dateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : new Date(num(value));
}

export function str(value: unknown): string {
  return String(value);
}

export function strOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** `''` stands for "none" in columns that are part of a unique key (NULLs never collide). */
export function emptyToNull(value: unknown): string | null {
  return value === "" || value === null || value === undefined ? null : String(value);
}

/** `?, ?, ?` for an IN list. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => "?").join(", ");
}

/**
 * ` WHERE a = ? AND b = ?` for the columns whose value is given (undefined ones are left out), or
 * `` when none is: the optional equality filters of the `list…` methods.
 */
export function whereEquals(columns: Record<string, string | number | undefined>): {
  where: string;
  params: (string | number)[];
} {
  const given = Object.entries(columns).filter(
    (entry): entry is [string, string | number] => entry[1] !== undefined,
  );
  return {
    where: given.length ? ` WHERE ${given.map(([column]) => `${column} = ?`).join(" AND ")}` : "",
    params: given.map(([, value]) => value),
  };
}
