import { statSync } from "node:fs";
import { resolve } from "node:path";
import { scanFiles } from "../sources/files/scan-files.js";
import { scanReadable } from "../sources/files/scan-readable.js";
import { walkFiles, type WalkedFile } from "../sources/files/walk-files.js";
import type { SkippedFile } from "../report/scan-report.js";
import { countFirst } from "./count-first.js";
import { displayPath } from "./display-path.js";
import type { Progress } from "./progress-bar.js";
import type { SourceOutcome } from "./source-outcome.js";

export interface PathScanOptions {
  gitignore: boolean;
  maxFileSize: number;
  progress: Progress;
  /** Walk first to know the total for the progress bar (only worth it when one is shown). */
  countFirst: boolean;
}

export const STDIN_PATH = "(stdin)";

/** Walked files kept from the count a progress bar needs (~10 MB); a larger tree is walked again. */
const KEEP_COUNTED = 50_000;

/**
 * Files and directories named on the command line, and `-` for stdin. A file named explicitly is
 * scanned even if a `.gitignore` would skip it: naming it is asking for it.
 */
export async function scanPaths(args: string[], options: PathScanOptions): Promise<SourceOutcome> {
  const cwd = process.cwd();
  const roots: string[] = [];
  const unreadable: SkippedFile[] = [];
  const targets: { abs: string; display: string; dir: boolean }[] = [];
  for (const arg of args) {
    if (arg === "-") continue;
    const abs = resolve(cwd, arg);
    let dir: boolean;
    try {
      dir = statSync(abs).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const what = code === "ENOENT" ? "does not exist" : `cannot be read (${code})`;
      throw new Error(
        `${arg} ${what} (in ${cwd}). To resolve, pass an existing file or directory, or - for stdin.`,
        {
          cause: error,
        },
      );
    }
    if (dir) roots.push(abs);
    targets.push({ abs, display: displayPath(arg, abs, cwd), dir });
  }
  const fromTarget = (t: (typeof targets)[number]): Iterable<WalkedFile> =>
    t.dir
      ? walkFiles(t.abs, t.display, {
          gitignore: options.gitignore,
          readByPath: true,
          onUnreadable: (path, e) =>
            unreadable.push({ path, reason: "unreadable", bytes: 0, detail: e.code }),
        })
      : [{ abs: t.abs, path: t.display, open: t.display }];
  // Overlapping arguments (`scan . src`) would report a key twice; a single argument cannot overlap.
  const once = function* (): Generator<WalkedFile> {
    const seen = new Set<string>();
    for (const t of targets) {
      for (const f of fromTarget(t)) {
        if (seen.has(f.abs)) continue;
        seen.add(f.abs);
        yield f;
      }
    }
  };
  const walk = (): Iterable<WalkedFile> => {
    unreadable.length = 0; // a second walk reports them again
    // One argument is walked directly: a generator that re-yields another's files (`yield*`) costs
    // more per file than the walk itself (measured: ~20 ms on a scan of 15,600 files).
    return targets.length === 1 ? fromTarget(targets[0]) : once();
  };
  const counted = options.countFirst ? countFirst(walk, KEEP_COUNTED) : null;
  if (counted?.total) options.progress.setTotal(counted.total);
  const result = scanFiles(counted?.items ?? walk(), {
    maxFileSize: options.maxFileSize,
    onProgress: options.progress.tick,
  });
  const stats = { files: result.files, bytes: result.bytes, binary: result.binary, skipped: result.skipped };
  if (args.includes("-")) {
    const piped = await scanReadable(process.stdin, STDIN_PATH, (b) => options.progress.tick(0, b));
    result.findings.push(...piped.findings);
    stats.files++;
    stats.bytes += piped.bytes;
    if (piped.binary) stats.binary++;
  }
  stats.skipped.push(...unreadable);
  return { findings: result.findings, stats, roots };
}
