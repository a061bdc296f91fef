import { readdirSync, type Dirent } from "node:fs";
import { sep } from "node:path";
import { ancestorIgnoreFrames, isIgnored, readIgnoreFrame, type IgnoreFrame } from "./gitignore-rules.js";

/** A file to scan: where it is, the path findings should show, and the path to open it by. */
export interface WalkedFile {
  abs: string;
  path: string;
  /** `abs`, or `path` where that reaches the file from the current directory (see readByPath). */
  open: string;
}

export interface WalkOptions {
  /** Honour `.gitignore` files (nested ones too, and those above the root up to the repository's top). */
  gitignore: boolean;
  /** Called for a directory that cannot be listed, so it is reported rather than silently missed. */
  onUnreadable?: (path: string, error: NodeJS.ErrnoException) => void;
  /**
   * `display` reaches the root from the current directory (as a command-line argument does): list
   * and open by the shown paths, which are shorter than absolute ones, so the kernel resolves fewer
   * components per file (measured: ~6% of a directory scan of 15,600 files).
   */
  readByPath?: boolean;
}

interface PendingDir {
  abs: string;
  /** Display prefix for entries: "" at the root, else "shown/path/". */
  prefix: string;
  frames: IgnoreFrame[];
}

/**
 * Every regular file under `rootAbs`, hidden ones included, depth first in sorted order. `.git` is
 * never entered; symbolic links are not followed (no loops, nothing outside the tree), as in git.
 * `display` is how the root is shown; each file's path is `display/relative/path` with forward
 * slashes. An explicit stack and string concatenation (not path.join, not nested generators) keep
 * the walk about as cheap as a bare readdir loop.
 */
export function* walkFiles(rootAbs: string, display: string, options: WalkOptions): Generator<WalkedFile> {
  const stack: PendingDir[] = [
    {
      abs: rootAbs,
      prefix: display === "." ? "" : `${display}/`,
      frames: options.gitignore ? ancestorIgnoreFrames(rootAbs) : [],
    },
  ];
  const byPath = options.readByPath === true;
  for (let dir = stack.pop(); dir; dir = stack.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(byPath ? dir.prefix || "." : dir.abs, { withFileTypes: true });
    } catch (error) {
      options.onUnreadable?.(dir.prefix.replace(/\/$/, "") || ".", error as NodeJS.ErrnoException);
      continue;
    }
    let frames = dir.frames;
    if (options.gitignore && hasIgnoreFile(entries)) {
      const frame = readIgnoreFrame(dir.abs + sep + ".gitignore", dir.abs);
      if (frame) frames = [...frames, frame];
    }
    entries.sort(byName);
    const subdirs: PendingDir[] = [];
    const base = dir.abs.endsWith(sep) ? dir.abs : dir.abs + sep;
    for (const e of entries) {
      if (e.name === ".git") continue;
      const abs = base + e.name;
      if (e.isDirectory()) {
        if (frames.length && isIgnored(abs, true, frames)) continue;
        subdirs.push({ abs, prefix: `${dir.prefix}${e.name}/`, frames });
      } else if (e.isFile()) {
        if (frames.length && isIgnored(abs, false, frames)) continue;
        const path = dir.prefix + e.name;
        yield { abs, path, open: byPath ? path : abs };
      }
    }
    // Reversed onto the stack so that subdirectories come off it in sorted order.
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
  }
}

function hasIgnoreFile(entries: Dirent[]): boolean {
  for (const e of entries) if (e.name === ".gitignore" && e.isFile()) return true;
  return false;
}

function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
