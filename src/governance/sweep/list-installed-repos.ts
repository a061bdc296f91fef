import type { Octokit } from "../../sources/github/octokit.js";

/**
 * `owner/repo` of every repository the installation covers (`GET /installation/repositories`,
 * paged): a key's issues go to its project only when the app can write there.
 */
export async function listInstalledRepos(octokit: Octokit): Promise<Set<string>> {
  const repos = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, {
    per_page: 100,
  });
  return new Set(repos.map((r) => r.full_name));
}

/** The entry of `installed` naming `repo`, compared as GitHub does (case-insensitively). */
export function findInstalled(installed: ReadonlySet<string>, repo: string): string | null {
  if (installed.has(repo)) return repo;
  const wanted = repo.toLowerCase();
  for (const r of installed) if (r.toLowerCase() === wanted) return r;
  return null;
}
