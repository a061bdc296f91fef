import type { Octokit, RepoRef } from "./octokit.js";

/** The open pull request whose head is this branch of this repository, if any. */
export async function findOpenPullRequest(
  octokit: Octokit,
  repo: RepoRef,
  branch: string,
): Promise<number | null> {
  const { data } = await octokit.rest.pulls.list({
    ...repo,
    state: "open",
    head: `${repo.owner}:${branch}`,
    per_page: 1,
  });
  return data[0]?.number ?? null;
}
