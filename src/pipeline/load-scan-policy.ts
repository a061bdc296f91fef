import { loadPolicy } from "../config/index.js";
import { loadRepoConfig } from "../sources/github/load-repo-config.js";
import type { Octokit, RepoRef } from "../sources/github/octokit.js";
import type { ScanPolicy } from "./scan-policy.js";

/**
 * The repository's policy from `.github/moltbook-guard.yml` on its default branch. An unreadable
 * or invalid file never stops a scan: defaults apply and the errors go on the check run.
 */
export async function loadScanPolicy(octokit: Octokit, repo: RepoRef): Promise<ScanPolicy> {
  const loaded = await loadRepoConfig(octokit, repo);
  const { policy, errors } = loadPolicy(loaded.raw);
  const configErrors = [...(loaded.loadError ? [loaded.loadError] : []), ...errors.map((e) => e.message)];
  return Object.freeze({ ...policy, configErrors });
}
