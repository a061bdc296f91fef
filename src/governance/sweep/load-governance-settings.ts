import { loadPolicy } from "../../config/index.js";
import { loadRepoConfig } from "../../sources/github/load-repo-config.js";
import type { Octokit } from "../../sources/github/octokit.js";
import { governancePolicyFromConfig } from "../governance-policy-from-config.js";
import type { GovernancePolicy } from "../policy/types.js";

export interface GovernanceSettings {
  policy: GovernancePolicy;
  /** `owner/repo` of the dashboard and of issues whose key's project has no installation. */
  governanceRepo: string;
  schedule: { intervalHours: number; jitterMinutes: number };
  /** What was wrong with the file; defaults apply for those fields. */
  configErrors: string[];
}

/**
 * Governance settings apply to the whole organisation, so they come from its `.github`
 * repository's `.github/moltbook-guard.yml` (with `_extends`), never from a project's file. A
 * missing or unreadable file means the defaults.
 */
export async function loadGovernanceSettings(octokit: Octokit, org: string): Promise<GovernanceSettings> {
  const loaded = await loadRepoConfig(octokit, { owner: org, repo: ".github" });
  const { policy, errors } = loadPolicy(loaded.raw);
  return {
    policy: governancePolicyFromConfig(policy),
    governanceRepo: policy.governanceRepoFor(org),
    schedule: { ...policy.governance.schedule },
    configErrors: [...(loaded.loadError ? [loaded.loadError] : []), ...errors.map((e) => e.message)],
  };
}
