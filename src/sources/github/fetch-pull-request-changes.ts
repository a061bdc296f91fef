import { COMMIT_MESSAGE_PATH } from "../../detect/index.js";
import type { ChangeSet, ChangedText } from "./changed-text.js";
import { fetchCommitChanges } from "./fetch-commit-changes.js";
import { fetchFileTexts } from "./fetch-file-texts.js";
import { mergeChangeSets } from "./merge-change-sets.js";
import type { Octokit, RepoRef } from "./octokit.js";

export interface PullRequestScanOptions {
  /** May still be loading with the config: blobs are fetched only after the first round. */
  maxBlobBytes: number | Promise<number>;
  commitMessages: boolean;
  prBody: boolean;
  /**
   * Pushes to a fork never reach this app, so a fork PR's commits are scanned one by one, up to
   * this many; the rest are reported as skipped. Same-repository PRs rely on the push scan.
   */
  perCommitLimit: number;
}

export interface PullRequestChanges extends ChangeSet {
  headSha: string;
  /** Files and text of the PR's net diff against its base: what is still present in its head. */
  headTexts: ChangedText[];
}

/** The PR's files, commits, title and body, all through the base repository. */
export async function fetchPullRequestChanges(
  octokit: Octokit,
  repo: RepoRef,
  number: number,
  options: PullRequestScanOptions,
): Promise<PullRequestChanges> {
  const [pull, files, commits] = await Promise.all([
    octokit.rest.pulls.get({ ...repo, pull_number: number }),
    octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: number, per_page: 100 }),
    octokit.paginate(octokit.rest.pulls.listCommits, { ...repo, pull_number: number, per_page: 100 }),
  ]);
  const headSha = pull.data.head.sha;
  const fromFork = pull.data.head.repo?.full_name !== pull.data.base.repo.full_name;
  const head = await fetchFileTexts(octokit, repo, files, {
    commit: headSha,
    maxBlobBytes: options.maxBlobBytes,
  });

  const texts: ChangedText[] = [
    ...head.texts,
    { kind: "pr_title", path: "(pull request title)", text: pull.data.title },
  ];
  if (options.prBody && pull.data.body)
    texts.push({ kind: "pr_body", path: "(pull request body)", text: pull.data.body });

  const sets: ChangeSet[] = [{ texts, skipped: head.skipped, commits: [] }];
  const shas = commits.map((c) => c.sha);
  if (fromFork) {
    const scanned = shas.slice(-options.perCommitLimit);
    sets.push(...(await Promise.all(scanned.map((sha) => fetchCommitChanges(octokit, repo, sha, options)))));
    for (const sha of shas.slice(0, shas.length - scanned.length)) {
      const reason = `over the ${options.perCommitLimit}-commit limit for fork pull requests`;
      sets[0].skipped.push({ path: "(commit)", commit: sha, reason });
    }
  } else if (options.commitMessages) {
    for (const c of commits) {
      texts.push({
        kind: "commit_message",
        path: COMMIT_MESSAGE_PATH,
        commit: c.sha,
        text: c.commit.message,
      });
    }
  }
  return { ...mergeChangeSets(sets), commits: shas, headSha, headTexts: head.texts };
}
