import { spawnGit } from "./spawn-git.js";
import { scanDiffStream, type DiffStreamResult } from "./scan-diff-stream.js";
import { PINNED_DIFF_OPTIONS } from "./pinned-diff-options.js";

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
