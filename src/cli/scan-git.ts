import { statSync } from "node:fs";
import { resolve } from "node:path";
import { gitOutput } from "../sources/git/spawn-git.js";
import type { DiffStreamResult } from "../sources/git/scan-diff-stream.js";
import { scanHistory, type HistoryResult } from "../sources/git/scan-history.js";
import { scanStaged } from "../sources/git/scan-staged.js";
import type { Progress } from "./progress-bar.js";
import type { SourceOutcome } from "./source-outcome.js";

export interface GitScanOptions {
  /** `true` for every commit reachable from any ref, or a revision range. */
  history?: true | string;
  includeRemoved: boolean;
  progress: Progress;
  countFirst: boolean;
}

/** `--staged` and `--history`: the repository is the one PATH given, or the current directory. */
export async function scanGit(args: string[], options: GitScanOptions): Promise<SourceOutcome> {
  const mode = options.history ? "--history" : "--staged";
  if (args.length > 1) {
    throw new Error(
      `${mode} scans one repository, but ${args.length} paths were given. To resolve, pass at most one repository PATH.`,
    );
  }
  const repo = resolve(args[0] ?? ".");
  if (!statSafe(repo)) {
    throw new Error(
      `${args[0]} is not a directory. To resolve, pass the path of a git repository to ${mode}.`,
    );
  }
  const range = options.history === true ? undefined : options.history;
  if (range?.startsWith("-")) {
    throw new Error(
      `--history ${range} is not a revision range. To resolve, pass one such as main..HEAD, or nothing for all refs.`,
    );
  }
  if (options.countFirst && options.history) {
    const count = await gitOutput(
      ["rev-list", "--count", ...(range ? ["--end-of-options", range] : ["--all"]), "--"],
      repo,
    ).catch(() => "0");
    options.progress.setTotal(Number(count) || 0);
  }
  // The top level (where the ignore file lives) is asked for while the scan runs, not before it.
  const topLevel = gitOutput(["rev-parse", "--show-toplevel"], repo);
  const scan: Promise<DiffStreamResult & Partial<HistoryResult>> = options.history
    ? scanHistory({ cwd: repo, range, onProgress: options.progress.tick })
    : scanStaged({ cwd: repo, includeRemoved: options.includeRemoved });
  scan.catch(() => {}); // Awaited below, after the clearer "not a repository" error has had its say.
  const top = await topLevel.catch((error: Error) => {
    if (!/not a git repository/i.test(error.message)) throw error;
    throw new Error(
      `${mode} needs a git repository, but ${repo} is not in one. To resolve, run it inside a repository or pass the repository's PATH.`,
      { cause: error },
    );
  });
  const r = await scan;
  return {
    findings: r.findings,
    stats: {
      files: 0,
      bytes: r.bytes,
      binary: r.binary ?? 0,
      skipped: [],
      ...(r.commits === undefined ? {} : { commits: r.commits }),
    },
    roots: [top],
  };
}

function statSafe(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
