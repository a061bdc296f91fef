import type { Language } from "./detect-language.js";

export interface Syntax {
  /** Characters that open and close a string. */
  quotes: string;
  /** Quotes inside which a backslash escapes nothing. */
  raw: string;
  lineComments: readonly string[];
  /** `#` starts a comment only at the start of a word (shell, YAML). */
  hashNeedsSpace?: boolean;
  blockComments?: boolean;
}

export const SYNTAX: Partial<Record<Language, Syntax>> = {
  javascript: { quotes: "'\"`", raw: "", lineComments: ["//"], blockComments: true },
  python: { quotes: "'\"", raw: "", lineComments: ["#"] },
  go: { quotes: "\"`'", raw: "`", lineComments: ["//"], blockComments: true },
  ruby: { quotes: "'\"", raw: "", lineComments: ["#"] },
  java: { quotes: "\"'", raw: "", lineComments: ["//"], blockComments: true },
  kotlin: { quotes: "\"'", raw: "", lineComments: ["//"], blockComments: true },
  shell: { quotes: "'\"", raw: "'", lineComments: ["#"], hashNeedsSpace: true },
  "github-actions": { quotes: "'\"", raw: "'", lineComments: ["#"], hashNeedsSpace: true },
};

export type LexState = { in: "code" } | { in: "comment" } | { in: "string"; quote: string; open: number };

/**
 * What `index` sits in, reading the line from its start: code, a comment, or a string (and where
 * that string opened). One line is all a suggestion sees, so constructs opened on earlier lines
 * are invisible; callers treat anything but a clear answer as "no safe rewrite".
 */
export function lexLine(line: string, index: number, syntax: Syntax): LexState {
  let quote: string | undefined;
  let open = -1;
  for (let i = 0; i < index; i++) {
    const c = line[i];
    if (quote !== undefined) {
      if (c === "\\" && !syntax.raw.includes(quote)) i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === "\\") {
      i++;
      continue;
    }
    if (syntax.quotes.includes(c)) {
      quote = c;
      open = i;
      continue;
    }
    if (syntax.blockComments && line.startsWith("/*", i)) {
      const close = line.indexOf("*/", i + 2);
      if (close < 0 || close + 2 > index) return { in: "comment" };
      i = close + 1;
      continue;
    }
    for (const marker of syntax.lineComments) {
      if (!line.startsWith(marker, i)) continue;
      if (syntax.hashNeedsSpace && marker === "#" && i > 0 && !/\s/.test(line[i - 1])) continue;
      return { in: "comment" };
    }
  }
  return quote === undefined ? { in: "code" } : { in: "string", quote, open };
}
