import type { FindingKind } from "../../detect/index.js";

// The identifier an assignment, property or named argument gives the literal:
// `const MOLTBOOK_KEY = `, `val moltbookKey: String = `, `"moltbook_key": `, `key := `, `:key => `.
const TARGET = /(?<![\w$])([A-Za-z_][A-Za-z0-9_]*)["'\]]?\s*(?::[^=:]*)?(?::=|=>|=|:)\s*["'`]?$/;

/** UPPER_SNAKE_CASE from camelCase, PascalCase, kebab or snake names. */
export function toEnvName(identifier: string): string {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toUpperCase();
}

/**
 * The environment variable a rewrite reads: the name the code already gives the key when it says
 * Moltbook (`const MOLTBOOK_KEY = …` keeps `MOLTBOOK_KEY`), else `MOLTBOOK_API_KEY` (or
 * `MOLTBOOK_DEV_KEY`); a bare `apiKey` says too little to name a variable after.
 */
export function envVarName(textBeforeLiteral: string, kind: FindingKind = "moltbook_api_key"): string {
  const fallback = kind === "moltbook_dev_key" ? "MOLTBOOK_DEV_KEY" : "MOLTBOOK_API_KEY";
  const match = TARGET.exec(textBeforeLiteral);
  if (!match) return fallback;
  const name = toEnvName(match[1]);
  const usable =
    name.includes("MOLTBOOK") && /^[A-Z_][A-Z0-9_]{0,63}$/.test(name) && !name.startsWith("GITHUB_");
  return usable ? name : fallback;
}
