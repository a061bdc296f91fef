import { COMMIT_MESSAGE_PATH } from "../../detect/index.js";
import type { ChangeSet } from "./changed-text.js";
import { fetchFileTexts, type GitHubFileEntry } from "./fetch-file-texts.js";
import type { Octokit, RepoRef } from "./octokit.js";

// GET /commits/{sha} returns at most 300 files a page (3,000 in all) in an object, which
// octokit.paginate cannot merge, so pages are walked here.
const FILES_PER_PAGE = 300;

/** Everything one commit added: its files' patches (or blobs) and its message. */
export async function fetchCommitChanges(
  octokit: Octokit,
  repo: RepoRef,
  sha: string,
  options: { maxBlobBytes: number | Promise<number>; commitMessages: boolean },
): Promise<ChangeSet> {
  const files: GitHubFileEntry[] = [];
  let message = "";
  for (let page = 1; ; page++) {
    const { data } = await octokit.rest.repos.getCommit({
      ...repo,
      ref: sha,
      per_page: FILES_PER_PAGE,
      page,
    });
    if (page === 1) message = data.commit.message;
    const pageFiles = data.files ?? [];
    files.push(...pageFiles);
    if (pageFiles.length < FILES_PER_PAGE) break;
  }
  const { texts, skipped } = await fetchFileTexts(octokit, repo, files, { commit: sha, ...options });
  if (options.commitMessages && message) {
    texts.push({ kind: "commit_message", path: COMMIT_MESSAGE_PATH, commit: sha, text: message });
  }
  return { texts, skipped, commits: [sha] };
}
