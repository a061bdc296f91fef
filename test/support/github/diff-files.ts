import { git } from "./git.js";
import { EMPTY_TREE, ZERO_SHA } from "./git-objects.js";

/** One changed file between two commits, as git computes it. */
export interface DiffFile {
  filename: string;
  previousFilename?: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed";
  additions: number;
  deletions: number;
  /** The hunks (from the first `@@`), without git's header; absent for binary and mode-only changes. */
  patch?: string;
  /** Blob of the new side; for removed files, the blob that was removed. */
  sha: string;
}

const STATUS: Record<string, DiffFile["status"]> = {
  A: "added",
  D: "removed",
  M: "modified",
  R: "renamed",
  C: "copied",
  T: "changed",
};

// Keyed by resolved shas, which never change meaning, so a PR read many times is diffed once.
const cache = new Map<string, Promise<DiffFile[]>>();

/** The files changed from `base` (null: the empty tree, for root commits) to `head`. */
export function diffFiles(bareDir: string, base: string | null, head: string): Promise<DiffFile[]> {
  const key = `${bareDir}\0${base}\0${head}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = computeDiff(bareDir, base ?? EMPTY_TREE, head);
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}

/** The unified diff text between two commits, for the `application/vnd.github.diff` media type. */
export function diffText(bareDir: string, base: string | null, head: string): Promise<string> {
  return git(bareDir, ["diff", "--no-color", "--no-ext-diff", "-M", base ?? EMPTY_TREE, head]);
}

async function computeDiff(bareDir: string, base: string, head: string): Promise<DiffFile[]> {
  // Same rename detection for both calls, so the raw entries and the patch blocks line up.
  const common = ["diff", "--no-color", "--no-ext-diff", "-M", "--full-index"];
  const [raw, patch] = await Promise.all([
    git(bareDir, [...common, "--raw", "-z", "--no-abbrev", base, head]),
    git(bareDir, [...common, "-p", base, head]),
  ]);
  const entries = parseRaw(raw);
  const blocks = splitPatch(patch);
  if (blocks.length !== entries.length) {
    throw new Error(
      `git diff gave ${entries.length} files but ${blocks.length} patch blocks (${bareDir} ${base}..${head}). To resolve, report this file layout as a stand-in bug.`,
    );
  }
  return entries.map((entry, i) => ({ ...entry, ...hunks(blocks[i]) }));
}

function parseRaw(raw: string): Omit<DiffFile, "additions" | "deletions" | "patch">[] {
  const fields = raw.split("\0");
  const out: Omit<DiffFile, "additions" | "deletions" | "patch">[] = [];
  for (let i = 0; i < fields.length - 1;) {
    const meta = fields[i++];
    if (!meta.startsWith(":")) continue;
    const [, , oldSha, newSha, code] = meta.slice(1).split(" ");
    const letter = code[0];
    const status = STATUS[letter] ?? "modified";
    if (letter === "R" || letter === "C") {
      const previous = fields[i++];
      const filename = fields[i++];
      out.push({ filename, previousFilename: previous, status, sha: newSha });
    } else {
      const filename = fields[i++];
      out.push({ filename, status, sha: newSha === ZERO_SHA ? oldSha : newSha });
    }
  }
  return out;
}

function splitPatch(patch: string): string[] {
  if (!patch) return [];
  return patch.split(/^(?=diff --git )/m).filter((b) => b.startsWith("diff --git "));
}

function hunks(block: string): Pick<DiffFile, "additions" | "deletions" | "patch"> {
  const start = block.search(/^@@ /m);
  if (start < 0) return { additions: 0, deletions: 0 };
  const patch = block.slice(start).replace(/\n$/, "");
  let additions = 0;
  let deletions = 0;
  for (const line of patch.split("\n")) {
    if (line.startsWith("+")) additions++;
    else if (line.startsWith("-")) deletions++;
  }
  return { additions, deletions, patch };
}

/** Forgets cached diffs of repositories under `dir` (called when a stand-in stops). */
export function forgetDiffs(dir: string): void {
  for (const key of cache.keys()) if (key.startsWith(dir)) cache.delete(key);
}
