import { existsSync, readFileSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import ignore, { type Ignore } from "ignore";

/** The patterns of one ignore file, which apply to paths below `dir` (absolute, ending with a separator). */
export interface IgnoreFrame {
  dir: string;
  rules: Ignore;
}

/** Reads one ignore file into a frame for the directory it governs, or returns undefined if absent. */
export function readIgnoreFrame(file: string, governs: string): IgnoreFrame | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  return { dir: governs.endsWith(sep) ? governs : governs + sep, rules: ignore().add(text) };
}

/**
 * Git's precedence: the deepest `.gitignore` that has an opinion decides, and within a file the last
 * matching pattern wins (`ignore().test` reports both "ignored" and "re-included by `!`").
 * `frames` is ordered shallow to deep. `isDir` adds the trailing slash that `dir/` patterns need.
 */
export function isIgnored(abs: string, isDir: boolean, frames: readonly IgnoreFrame[]): boolean {
  for (let i = frames.length - 1; i >= 0; i--) {
    const frame = frames[i];
    if (!abs.startsWith(frame.dir)) continue;
    let rel = abs.slice(frame.dir.length);
    if (sep !== "/") rel = rel.split(sep).join("/");
    if (isDir) rel += "/";
    const verdict = frame.rules.test(rel);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

/**
 * The ignore files that govern `dir` from above it, as git would read them: every `.gitignore` from
 * the repository's top level down to `dir`'s parent, under the repository's `.git/info/exclude`.
 * Outside a repository there are none.
 */
export function ancestorIgnoreFrames(dir: string): IgnoreFrame[] {
  const chain: string[] = [];
  let cur = dirname(dir);
  let top: string | undefined = existsSync(join(dir, ".git")) ? dir : undefined;
  while (!top) {
    chain.unshift(cur);
    if (existsSync(join(cur, ".git"))) top = cur;
    else if (dirname(cur) === cur) return [];
    else cur = dirname(cur);
  }
  const frames: IgnoreFrame[] = [];
  const exclude = readIgnoreFrame(join(top, ".git", "info", "exclude"), top);
  if (exclude) frames.push(exclude);
  for (const d of chain) {
    const frame = readIgnoreFrame(join(d, ".gitignore"), d);
    if (frame) frames.push(frame);
  }
  return frames;
}
