import type { Octokit, RepoRef } from "./octokit.js";

export const CONFIG_PATH = ".github/moltbook-guard.yml";

export interface LoadedConfig {
  /** The repository's file merged over the org `.github` fallback and `_extends`; {} if none. */
  raw: Record<string, unknown>;
  /** Files it came from, for messages ("owner/repo:.github/moltbook-guard.yml"). */
  sources: string[];
  /** Set when a file could not be read or parsed: the scan goes on with defaults. */
  loadError?: string;
}

/**
 * Reads `.github/moltbook-guard.yml` from the DEFAULT branch only (no `branch` is passed), so a
 * pull request cannot switch off its own scan. Probot's config plugin resolves the org `.github`
 * repository fallback and `_extends`; arrays from a later file replace, not extend, earlier ones.
 */
export async function loadRepoConfig(octokit: Octokit, repo: RepoRef): Promise<LoadedConfig> {
  try {
    const { config, files } = await octokit.config.get({
      ...repo,
      path: CONFIG_PATH,
      defaults: (configs: Record<string, unknown>[]) => configs.reduce(mergeReplacingArrays, {}),
    });
    const sources = files.filter((f) => f.config !== null).map((f) => `${f.owner}/${f.repo}:${f.path}`);
    return { raw: config, sources };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      raw: {},
      sources: [],
      loadError: `Could not read ${CONFIG_PATH} (${repo.owner}/${repo.repo}): ${message}. To resolve, fix the YAML; defaults apply meanwhile.`,
    };
  }
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
