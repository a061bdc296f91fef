import { lexLine, SYNTAX } from "./lex-line.js";
import type { KeySpan } from "./locate-key.js";

/**
 * Shell: a whole literal (`"key"`, `'key'` or a bare word) becomes `"$NAME"`; a key inside a
 * double-quoted string becomes `${NAME}` in place, which the shell expands there just the same.
 * Inside single quotes, or glued to other unquoted text, there is no safe rewrite.
 */
export function rewriteShellWord(line: string, key: KeySpan, varName: string): string | null {
  const state = lexLine(line, key.start, SYNTAX.shell!);
  const prefix = line.slice(0, key.start);
  // Command substitution restarts quoting inside double quotes, which this one-line reading does not follow.
  if (/\$\(|`/.test(prefix)) return null;
  const whole = (open: number, close: number) => {
    const target = /(?:^|[\s;])(?:export\s+)?([A-Za-z_]\w*)=$/.exec(line.slice(0, open))?.[1];
    // `export NAME="key"` would read NAME from itself: fail loudly when it is unset instead.
    const value =
      target === varName ? `"\${${varName}:?${varName} must be set in the environment}"` : `"$${varName}"`;
    return `${line.slice(0, open)}${value}${line.slice(close)}`;
  };
  if (state.in === "string") {
    const quote = state.quote;
    if (state.open === key.start - 1 && line[key.end] === quote) return whole(key.start - 1, key.end + 1);
    if (quote !== '"') return null;
    return `${prefix}\${${varName}}${line.slice(key.end)}`;
  }
  if (state.in !== "code") return null;
  const before = line[key.start - 1] ?? "";
  const after = line[key.end] ?? "";
  if ((before === "" || /[\s=]/.test(before)) && (after === "" || /[\s;)|&]/.test(after))) {
    return whole(key.start, key.end);
  }
  return null;
}
