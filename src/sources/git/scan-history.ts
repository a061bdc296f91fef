import { GIT_LOG_FORMAT } from "../../detect/index.js";
import { spawnGit } from "./spawn-git.js";
import { scanDiffStream, type DiffStreamResult } from "./scan-diff-stream.js";

export interface HistoryOptions {
  /** The repository (any directory inside it). */
  cwd: string;
  /** A revision range such as `main..HEAD`; without it, every commit reachable from any ref. */
  range?: string;
  onProgress?: (commits: number, bytes: number) => void;
}

/**
 * Diff settings shared by history and staged scans: no context lines (only added and removed lines
 * matter), no rename detection (a renamed file is re-scanned whole, so nothing hides behind a
 * rename), and no textconv or external diff drivers (the bytes that were committed, not a rendering
 * of them). Less work for git, which is the floor of a history scan.
 */
export const PINNED_DIFF_OPTIONS = [
  "-U0",
  "--no-renames",
  "--no-textconv",
  "--no-ext-diff",
  "--no-color",
  "--src-prefix=a/",
  "--dst-prefix=b/",
  "--submodule=short",
] as const;

/** The `git log` arguments for a history scan: every commit's patch and message. */
export function historyArgs(range?: string): string[] {
  return [
    "log",
    "-p",
    ...PINNED_DIFF_OPTIONS,
    `--format=${GIT_LOG_FORMAT}`,
    // A range is data, never an option: `--end-of-options` stops `--output=…` from being obeyed.
    ...(range ? ["--end-of-options", range] : ["--all"]),
    "--",
  ];
}

/**
 * Scans every commit of a history as one `git log -p` stream. Findings carry their commit; keys in
 * commit messages come with the path "(commit message)". A key added in one commit and removed in a
 * later one is still found, in the commit that added it.
 */
export async function scanHistory(options: HistoryOptions): Promise<DiffStreamResult> {
  const git = spawnGit(historyArgs(options.range), options.cwd);
  try {
    const [result] = await Promise.all([
      scanDiffStream(git.stdout, {
        commitMarker: commitMarker(GIT_LOG_FORMAT),
        onProgress: options.onProgress,
      }),
      git.done,
    ]);
    return result;
  } catch (error) {
    git.kill();
    throw error;
  }
}

/**
 * The literal text the format puts before the first commit field, which starts every commit in the
 * stream; commits are counted by it. Undefined if the format starts with a field.
 */
export function commitMarker(format: string): string | undefined {
  let literal = "";
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== "%") {
      literal += c;
      continue;
    }
    const rest = format.slice(i + 1);
    const hex = /^x([0-9a-fA-F]{2})/.exec(rest);
    if (hex) {
      literal += String.fromCharCode(parseInt(hex[1], 16));
      i += 3;
    } else if (rest.startsWith("n")) {
      literal += "\n";
      i += 1;
    } else if (rest.startsWith("%")) {
      literal += "%";
      i += 1;
    } else break;
  }
  return literal.length >= 2 ? literal : undefined;
}
