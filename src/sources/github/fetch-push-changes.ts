import type { ChangeSet } from "./changed-text.js";
import { fetchCommitChanges } from "./fetch-commit-changes.js";
import { mergeChangeSets } from "./merge-change-sets.js";
import type { Octokit, RepoRef } from "./octokit.js";

/** What a push job knows from its webhook (no text from the payload: it may hold a key). */
export interface PushInfo {
  before: string;
  after: string;
  created: boolean;
  deleted: boolean;
  defaultBranch: string;
  /** Commit ids listed in the payload, oldest first. GitHub lists at most 2,048. */
  payloadCommits: string[];
}

// A push webhook lists at most 2,048 commits; a longer push is listed through compare.
const PAYLOAD_COMMIT_LIMIT = 2048;
const ZERO_SHA = /^0+$/;

/**
 * Every commit of a push, not the net diff: a key added in one commit and removed in the next is
 * still a leak. The payload's commit list is used when it is complete (one round of calls); a new
 * branch is compared with the default branch, and a force push's compare starts at the merge base,
 * so only its new commits are scanned.
 */
export async function fetchPushChanges(
  octokit: Octokit,
  repo: RepoRef,
  push: PushInfo,
  options: { maxBlobBytes: number | Promise<number>; commitMessages: boolean },
): Promise<ChangeSet> {
  if (push.deleted) return { texts: [], skipped: [], commits: [] };
  const commits = await listPushCommits(octokit, repo, push);
  const sets = await Promise.all(commits.map((sha) => fetchCommitChanges(octokit, repo, sha, options)));
  return mergeChangeSets(sets);
}

async function listPushCommits(octokit: Octokit, repo: RepoRef, push: PushInfo): Promise<string[]> {
  const complete =
    !push.created && push.payloadCommits.length > 0 && push.payloadCommits.length < PAYLOAD_COMMIT_LIMIT;
  if (complete) return push.payloadCommits;
  const base = push.created || ZERO_SHA.test(push.before) ? push.defaultBranch : push.before;
  if (base === push.after) return [push.after];
  const commits: string[] = [];
  const pages = octokit.paginate.iterator(octokit.rest.repos.compareCommitsWithBasehead, {
    ...repo,
    basehead: `${base}...${push.after}`,
    per_page: 100,
  });
  for await (const page of pages) {
    for (const c of (page.data as unknown as { commits: { sha: string }[] }).commits) commits.push(c.sha);
  }
  // A new branch with no commits of its own (made from an existing commit) has nothing new.
  return commits;
}
