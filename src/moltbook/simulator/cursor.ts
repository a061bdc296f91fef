/** Opaque page cursors: the sort key of the last item served, so pages hold steady while records change. */
export function encodeCursor(sortKey: [string, string]): string {
  return Buffer.from(JSON.stringify(sortKey)).toString("base64url");
}

export function decodeCursor(cursor: string): [string, string] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "string")) {
      return [value[0], value[1]];
    }
  } catch {
    // fall through: not a cursor this simulator made
  }
  return null;
}

/** Compares (time, id) pairs the way pages are ordered. */
export function compareSortKeys(a: [string, string], b: [string, string]): number {
  const t = Date.parse(a[0]) - Date.parse(b[0]);
  if (t !== 0) return t;
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}
