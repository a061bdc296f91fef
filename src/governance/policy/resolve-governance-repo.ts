/**
 * The repository that receives the dashboard and the issues of keys whose project has no app
 * installation: config `governance.repo` (`owner/repo`, or a bare name inside the org), by
 * default the org's `.github` repository.
 */
export function resolveGovernanceRepo(org: string, configured: string | null | undefined): string {
  const repo = configured?.trim();
  if (!repo) return `${org}/.github`;
  return repo.includes("/") ? repo : `${org}/${repo}`;
}
