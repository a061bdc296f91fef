import { spawnGit } from "./spawn-git.js";
import { scanDiffStream, type DiffStreamResult } from "./scan-diff-stream.js";

/**
 * Diff settings for `git diff --cached`: no context lines (only added and removed lines matter), no
 * rename detection (a renamed file is scanned whole, so nothing hides behind a rename), and no
 * textconv or external diff drivers (the bytes that were committed, not a rendering of them), with
 * the prefixes the diff parser expects whatever the user's config says.
 */
const PINNED_DIFF_OPTIONS = [
  "-U0",
  "--no-renames",
  "--no-textconv",
  "--no-ext-diff",
  "--no-color",
  "--src-prefix=a/",
  "--dst-prefix=b/",
  "--submodule=short",
];

export interface StagedOptions {
  /** The repository (any directory inside it). */
  cwd: string;
  includeRemoved?: boolean;
}

/**
 * Scans exactly what `git commit` would record: the index against HEAD (`git diff --cached`), added
 * lines only unless asked, with pinned diff settings. Paths are relative to the repository's top
 * level.
 */
export async function scanStaged(options: StagedOptions): Promise<DiffStreamResult> {
  const git = spawnGit(["diff", "--cached", ...PINNED_DIFF_OPTIONS], options.cwd);
  try {
    const [result] = await Promise.all([
      scanDiffStream(git.stdout, { includeRemoved: options.includeRemoved }),
      git.done,
    ]);
    return result;
  } catch (error) {
    git.kill();
    throw error;
  }
}
