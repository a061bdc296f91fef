/**
 * The path on a `--- a/…` or `+++ b/…` line (the text after the 4-character marker), or null for
 * `/dev/null`. Handles git's C-style quoting (`"b/caf\303\251 \"x\".txt"`), the tab git adds after
 * names with spaces and the tab-separated timestamp of GNU diff, and drops the `a/`/`b/` prefix.
 */
export function diffPath(raw: Buffer, side: "a/" | "b/"): string | null {
  let path: string;
  if (raw[0] === 0x22) path = unquote(raw);
  else {
    let text = raw.toString("utf8");
    const tab = text.indexOf("\t");
    if (tab >= 0) text = text.slice(0, tab);
    path = text.replace(/\r$/, "");
  }
  if (path === "/dev/null") return null;
  return path.startsWith(side) ? path.slice(2) : path;
}

const SIMPLE: Record<string, number> = { n: 10, t: 9, r: 13, b: 8, f: 12, v: 11, a: 7, '"': 34, "\\": 92 };

function unquote(raw: Buffer): string {
  const bytes: number[] = [];
  for (let i = 1; i < raw.length; i++) {
    const c = raw[i];
    if (c === 0x22) break;
    if (c !== 0x5c) {
      bytes.push(c);
      continue;
    }
    const next = String.fromCharCode(raw[i + 1]);
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(raw.toString("latin1", i + 1, i + 4), 8) & 0xff);
      i += 3;
    } else {
      bytes.push(SIMPLE[next] ?? raw[i + 1]);
      i += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
