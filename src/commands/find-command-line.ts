import { COMMAND_PREFIX } from "./types.js";

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const QUOTE = /^ {0,3}>/;
const INDENTED_CODE = /^( {4}|\t)/;

/**
 * The text after `/moltbook-guard` on the first line that starts with it, or null. Lines in fenced
 * code blocks, indented code, block quotes (someone quoting an earlier command) and HTML comments
 * are not commands; neither is `/moltbook-guardian` nor a command mid-sentence.
 */
export function findCommandLine(body: string): string | null {
  const text = body.replace(/<!--[\s\S]*?(?:-->|$)/g, "");
  let fence: { char: string; length: number } | null = null;
  for (const line of text.split(/\r?\n/)) {
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1][0] === fence.char && f[1].length >= fence.length && line.trim() === f[1]) fence = null;
      continue;
    }
    if (f) {
      fence = { char: f[1][0], length: f[1].length };
      continue;
    }
    if (QUOTE.test(line) || INDENTED_CODE.test(line)) continue;
    const trimmed = line.trim();
    if (!trimmed.toLowerCase().startsWith(COMMAND_PREFIX)) continue;
    const rest = trimmed.slice(COMMAND_PREFIX.length);
    if (rest === "" || /^\s/.test(rest)) return rest.trim();
  }
  return null;
}
