import type { FindingKind } from "../../detect/index.js";

export interface KeySpan {
  /** UTF-16 index of the key's first character. */
  start: number;
  /** UTF-16 index just past the key. */
  end: number;
}

const PATTERNS: Record<FindingKind, RegExp> = {
  moltbook_api_key: /(?<![A-Za-z0-9_-])moltbook_sk_[A-Za-z0-9_-]{32}(?![A-Za-z0-9_-])/g,
  moltbook_dev_key: /(?<![A-Za-z0-9_-])moltdev_[A-Za-z0-9_-]{16,}/g,
};

/**
 * Where the key reported at `column` (1-based, in characters) sits in `lineText`. Columns count
 * characters, JavaScript indexes UTF-16 units, so both readings are tried; a lone key on the line
 * is taken whatever the column says. Undefined when the key is not written plainly there.
 */
export function locateKey(
  lineText: string,
  column: number,
  kind: FindingKind = "moltbook_api_key",
): KeySpan | undefined {
  const matches = [...lineText.matchAll(PATTERNS[kind])].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  const byUnits = matches.find((m) => m.start === column - 1);
  if (byUnits) return byUnits;
  const byChars = matches.find((m) => [...lineText.slice(0, m.start)].length === column - 1);
  if (byChars) return byChars;
  return matches.length === 1 ? matches[0] : undefined;
}
