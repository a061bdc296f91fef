import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { git, gitBytes, runGit } from "./git.js";

export const ZERO_SHA = "0000000000000000000000000000000000000000";
export const EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

export interface GitPerson {
  name: string;
  email: string;
  /** ISO 8601 in UTC. */
  date: string;
}

export interface CommitInfo {
  sha: string;
  tree: string;
  parents: string[];
  author: GitPerson;
  committer: GitPerson;
  message: string;
}

// Commits are immutable and the stand-in never garbage-collects, so what git said about a sha
// once holds for the life of the stand-in: answers keyed by full shas are cached.
const commitCache = new Map<string, CommitInfo>();
const knownCommits = new Set<string>();
const betweenCache = new Map<string, Promise<string[]>>();
const mergeBaseCache = new Map<string, Promise<string | null>>();
const FULL_SHA = /^[0-9a-f]{40}$/;

/**
 * Resolves a branch, tag, `heads/x`, `refs/pull/1/head` or (abbreviated) sha to a commit sha, or
 * null. Option-like refs are refused so a request can never pass flags to git.
 */
export async function resolveCommit(bareDir: string, ref: string): Promise<string | null> {
  if (!ref || ref.startsWith("-") || ref.includes("\0")) return null;
  if (knownCommits.has(`${bareDir}\0${ref}`)) return ref;
  const result = await runGit(bareDir, [
    "rev-parse",
    "--verify",
    "--quiet",
    "--end-of-options",
    `${ref}^{commit}`,
  ]);
  if (result.code !== 0) return null;
  const sha = result.stdout.toString("utf8").trim();
  knownCommits.add(`${bareDir}\0${sha}`);
  return sha;
}

/**
 * The sha a branch points at, or null. Read from git's ref files (loose, then packed) rather than
 * by spawning git: every API call needs it, and a push replaces a loose ref file atomically.
 */
export async function branchSha(bareDir: string, branch: string): Promise<string | null> {
  if (!branch || branch.includes("..") || branch.startsWith("/")) return null;
  const ref = `refs/heads/${branch}`;
  const loose = await readFile(join(bareDir, ref), "utf8").catch(() => null);
  if (loose !== null && FULL_SHA.test(loose.trim())) return loose.trim();
  const packed = await readFile(join(bareDir, "packed-refs"), "utf8").catch(() => "");
  for (const line of packed.split("\n")) {
    if (line.endsWith(` ${ref}`) && FULL_SHA.test(line.slice(0, 40))) return line.slice(0, 40);
  }
  return null;
}

export async function readCommits(bareDir: string, shas: string[]): Promise<CommitInfo[]> {
  const missing = [...new Set(shas.filter((s) => !commitCache.has(`${bareDir}\0${s}`)))];
  if (missing.length > 0) {
    const format = "%x1e%H%x00%T%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B";
    const out = await git(bareDir, ["show", "-s", "--no-walk=unsorted", `--format=${format}`, ...missing]);
    for (const record of out.split("\x1e").slice(1)) {
      const [sha, tree, parents, an, ae, ad, cn, ce, cd, ...message] = record.split("\0");
      commitCache.set(`${bareDir}\0${sha}`, {
        sha,
        tree,
        parents: parents ? parents.split(" ") : [],
        author: { name: an, email: ae, date: utc(ad) },
        committer: { name: cn, email: ce, date: utc(cd) },
        message: message.join("\0").replace(/\n+$/, ""),
      });
    }
  }
  return shas.map((s) => {
    const info = commitCache.get(`${bareDir}\0${s}`);
    if (!info) throw new Error(`Commit ${s} is not in ${bareDir}. To resolve, push it before asking for it.`);
    return info;
  });
}

/** Commits reachable from `head` but not from `exclude`, oldest first. */
export function commitsBetween(bareDir: string, exclude: string | null, head: string): Promise<string[]> {
  return cached(betweenCache, [bareDir, exclude ?? "", head], async () => {
    const args = ["rev-list", "--reverse", "--topo-order", head];
    if (exclude) args.push(`^${exclude}`);
    const out = await git(bareDir, args);
    return out.split("\n").filter(Boolean);
  });
}

export function mergeBase(bareDir: string, a: string, b: string): Promise<string | null> {
  return cached(mergeBaseCache, [bareDir, a, b], async () => {
    const result = await runGit(bareDir, ["merge-base", a, b]);
    return result.code === 0 ? result.stdout.toString("utf8").trim() : null;
  });
}

/** Caches only answers about full shas, whose meaning never changes; names of refs do. */
function cached<T>(cache: Map<string, Promise<T>>, key: string[], compute: () => Promise<T>): Promise<T> {
  const [, ...refs] = key;
  if (!refs.every((r) => r === "" || FULL_SHA.test(r))) return compute();
  const k = key.join("\0");
  let pending = cache.get(k);
  if (!pending) {
    pending = compute();
    pending.catch(() => cache.delete(k));
    cache.set(k, pending);
  }
  return pending;
}

export async function isAncestor(bareDir: string, ancestor: string, descendant: string): Promise<boolean> {
  return (await runGit(bareDir, ["merge-base", "--is-ancestor", ancestor, descendant])).code === 0;
}

export interface TreeEntry {
  mode: string;
  type: "blob" | "tree" | "commit";
  sha: string;
  size: number | null;
  name: string;
}

export type PathObject =
  { type: "blob"; sha: string; content: Buffer } | { type: "tree"; sha: string; entries: TreeEntry[] } | null;

/** The file or directory at `path` in `commit`, or null when absent. */
export async function readPath(bareDir: string, commit: string, path: string): Promise<PathObject> {
  const clean = path.replace(/^\/+|\/+$/g, "");
  const spec = clean ? `${commit}:${clean}` : `${commit}^{tree}`;
  const found = await runGit(bareDir, ["rev-parse", "--verify", "--quiet", "--end-of-options", spec]);
  if (found.code !== 0) return null;
  const sha = found.stdout.toString("utf8").trim();
  const type = (await git(bareDir, ["cat-file", "-t", sha])).trim();
  if (type === "blob") return { type, sha, content: await gitBytes(bareDir, ["cat-file", "blob", sha]) };
  if (type !== "tree") return null;
  const listing = await git(bareDir, ["ls-tree", "-z", "-l", sha]);
  const entries = listing
    .split("\0")
    .filter(Boolean)
    .map((line): TreeEntry => {
      const [meta, name] = splitOnce(line, "\t");
      const [mode, kind, entrySha, size] = meta.split(/\s+/);
      return {
        mode,
        type: kind as TreeEntry["type"],
        sha: entrySha,
        size: size === "-" ? null : Number(size),
        name,
      };
    });
  return { type: "tree", sha, entries };
}

export async function readBlob(bareDir: string, sha: string): Promise<Buffer | null> {
  if (!/^[0-9a-f]{4,40}$/i.test(sha)) return null;
  const type = await runGit(bareDir, ["cat-file", "-t", sha]);
  if (type.code !== 0 || type.stdout.toString("utf8").trim() !== "blob") return null;
  return gitBytes(bareDir, ["cat-file", "blob", sha]);
}

function utc(isoWithOffset: string): string {
  return new Date(isoWithOffset).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function splitOnce(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return [s.slice(0, i), s.slice(i + sep.length)];
}

/** Forgets cached answers about repositories under `dir` (called when a stand-in stops). */
export function forgetGitObjects(dir: string): void {
  for (const cache of [commitCache, betweenCache, mergeBaseCache]) {
    for (const key of cache.keys()) if (key.startsWith(dir)) cache.delete(key);
  }
  for (const key of knownCommits) if (key.startsWith(dir)) knownCommits.delete(key);
}
