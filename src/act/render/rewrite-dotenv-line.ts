import type { KeySpan } from "./locate-key.js";

/**
 * `.env`: the line `NAME=key` (quoted or not, `export` or not) becomes an empty `NAME=` under a
 * comment saying where the value lives now. The name is kept as written: code reads it.
 */
export function rewriteDotenvLine(line: string, key: KeySpan): string | null {
  const head = /^(\s*)(export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(["']?)$/.exec(line.slice(0, key.start));
  if (!head) return null;
  const [, indent, exported = "", name, quote] = head;
  const tail = line.slice(key.end);
  if (!tail.startsWith(quote) || !/^\s*(#.*)?$/.test(tail.slice(quote.length))) return null;
  return [
    `${indent}# ${name} is set outside git (your shell, CI secrets or a secrets manager); never commit its value.`,
    `${indent}${exported}${name}=`,
  ].join("\n");
}
