import { lexLine, SYNTAX } from "./lex-line.js";
import type { KeySpan } from "./locate-key.js";

/**
 * GitHub Actions: the key becomes `${{ secrets.NAME }}`. A whole value (`KEY: key`, quoted or
 * not) is replaced quotes and all; a key inside a longer value is replaced in place, where the
 * expression expands just the same. Comments and flow collections (`{ … }`, `[ … ]`) get nothing.
 */
export function rewriteWorkflowValue(line: string, key: KeySpan, secretName: string): string | null {
  const state = lexLine(line, key.start, SYNTAX["github-actions"]!);
  if (state.in === "comment") return null;
  const expression = `\${{ secrets.${secretName} }}`;
  const prefix = line.slice(0, key.start);
  const suffix = line.slice(key.end);
  const quote = state.in === "string" ? state.quote : "";
  if (state.in === "string" && state.open !== key.start - 1) {
    return `${prefix}${expression}${suffix}`;
  }
  const valueStart = key.start - quote.length;
  const isWholeValue =
    /^\s*(?:-\s+)?(?:[^\s#'"{}[\],][^#{}[\],]*:\s+|-\s+)$/.test(line.slice(0, valueStart)) &&
    suffix.startsWith(quote) &&
    /^\s*(#.*)?$/.test(suffix.slice(quote.length));
  if (isWholeValue) return `${line.slice(0, valueStart)}${expression}${suffix.slice(quote.length)}`;
  if (quote === "" && /[{}[\]]/.test(prefix.replace(/\$\{\{[^}]*\}\}/g, ""))) return null;
  return `${prefix}${expression}${suffix}`;
}
