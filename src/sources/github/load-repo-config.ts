import { parse } from "yaml";
import { CONFIG_FILE } from "../../config/index.js";
import type { Octokit, RepoRef } from "./octokit.js";

export interface LoadedConfig {
  /** The repository's file (or the org `.github` fallback) merged over what it `_extends`; {} if none. */
  raw: Record<string, unknown>;
  /** Files it came from, e.g. "acme/api:.github/moltbook-guard.yml", most specific first. */
  sources: string[];
  /** Set when a file could not be read or parsed: the scan goes on with defaults. */
  loadError?: string;
}

interface FileRef extends RepoRef {
  path: string;
}

// Probot's `_extends` forms: `repo`, `owner/repo`, either with `:path.yml`.
const EXTENDS = /^(?:([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/)?([-_.\w\d]+)(?::([-_./\w\d]+\.ya?ml))?$/i;
const MAX_EXTENDS = 5;

/**
 * Reads `.github/moltbook-guard.yml` from the DEFAULT branch only (no ref), so a pull request
 * cannot switch off its own scan, with Probot's semantics: the org's `.github` repository when the
 * repository has no file, then `_extends`, later files' arrays replaced rather than concatenated.
 * Unlike Probot's loader, the repository's file and the org fallback are fetched in parallel: this
 * is on the path from webhook to revocation.
 */
export async function loadRepoConfig(octokit: Octokit, repo: RepoRef): Promise<LoadedConfig> {
  const own = { ...repo, path: CONFIG_FILE };
  try {
    const orgFallback =
      repo.repo === ".github" ? null : { owner: repo.owner, repo: ".github", path: CONFIG_FILE };
    const [ownFile, orgFile] = await Promise.all([
      readConfigFile(octokit, own),
      orgFallback && readConfigFile(octokit, orgFallback),
    ]);
    const chain: { ref: FileRef; config: Record<string, unknown> }[] = [];
    let current = ownFile
      ? { ref: own, config: ownFile }
      : orgFile && orgFallback
        ? { ref: orgFallback, config: orgFile }
        : null;
    while (current) {
      chain.push(current);
      const parent = current.config._extends;
      if (parent === undefined) break;
      const ref = extendsRef(parent, current.ref);
      if (chain.length > MAX_EXTENDS || chain.some((c) => sameFile(c.ref, ref))) {
        throw new Error(
          `_extends in ${label(current.ref)} loops back or nests deeper than ${MAX_EXTENDS} files`,
        );
      }
      const config = await readConfigFile(octokit, ref);
      current = config ? { ref, config } : null;
    }
    const raw = chain.reduceRight<Record<string, unknown>>(
      (merged, file) => mergeReplacingArrays(merged, withoutExtends(file.config)),
      {},
    );
    return { raw, sources: chain.map((c) => label(c.ref)) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      raw: {},
      sources: [],
      loadError: `Could not read ${CONFIG_FILE} (${repo.owner}/${repo.repo}): ${message}. To resolve, fix the file; defaults apply meanwhile.`,
    };
  }
}

async function readConfigFile(octokit: Octokit, file: FileRef): Promise<Record<string, unknown> | null> {
  let text: string;
  try {
    const { data } = await octokit.rest.repos.getContent({ ...file, mediaType: { format: "raw" } });
    text = typeof data === "string" ? data : "";
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch (error) {
    throw new Error(`${label(file)} is not valid YAML (${(error as Error).message.split("\n")[0]})`, {
      cause: error,
    });
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== "object" || Array.isArray(parsed))
    throw new Error(`${label(file)} is not a mapping of options`);
  return parsed as Record<string, unknown>;
}

function extendsRef(value: unknown, from: FileRef): FileRef {
  const match = typeof value === "string" ? EXTENDS.exec(value) : null;
  if (!match)
    throw new Error(
      `_extends in ${label(from)} is ${JSON.stringify(value)}, not repo, owner/repo or owner/repo:path.yml`,
    );
  return { owner: match[1] || from.owner, repo: match[2], path: match[3] || CONFIG_FILE };
}

const label = (f: FileRef) => `${f.owner}/${f.repo}:${f.path}`;
const sameFile = (a: FileRef, b: FileRef) => label(a).toLowerCase() === label(b).toLowerCase();

function withoutExtends(config: Record<string, unknown>): Record<string, unknown> {
  const { _extends, ...rest } = config;
  void _extends;
  return rest;
}

function mergeReplacingArrays(
  base: Record<string, unknown>,
  next: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(next)) {
    const prev = out[key];
    out[key] = isPlainObject(prev) && isPlainObject(value) ? mergeReplacingArrays(prev, value) : value;
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
