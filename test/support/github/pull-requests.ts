import { git } from "./git.js";
import { diffFiles, type DiffFile } from "./diff-files.js";
import { branchSha, commitsBetween, mergeBase } from "./git-objects.js";
import { createRepo } from "./create-repo.js";
import { RepoHandle } from "./repo-handle.js";
import { isoNow, type StandInState } from "./stand-in-state.js";
import type { IssueRecord, PullRecord, RepoRecord } from "./stand-in-types.js";

export interface OpenPullRequestOptions {
  /** The base repository. */
  repo: RepoHandle | string;
  /** The head branch: in `repo`, or in the fork when `fromFork` is set. */
  head: string;
  /** Default: the repository's default branch. */
  base?: string;
  title: string;
  body?: string | null;
  /** Login of the author. */
  user: string;
  /**
   * `true`: the head branch is taken from `repo`'s work tree and pushed to a fork owned by `user`
   * (created on first use), never to `repo` itself. A RepoHandle: the head branch is in that fork.
   */
  fromFork?: boolean | RepoHandle;
  draft?: boolean;
}

export interface UpdatePullRequestOptions {
  title?: string;
  body?: string | null;
  state?: "open" | "closed";
  base?: string;
  draft?: boolean;
  /** Marks the pull request merged (and closed). */
  merged?: boolean;
}

export function repoRecord(state: StandInState, repo: RepoHandle | string): RepoRecord {
  if (repo instanceof RepoHandle) return repo.record;
  const record = state.findRepo(repo);
  if (!record)
    throw new Error(
      `Repository ${repo} is not in the stand-in. To resolve, call createRepo("${repo}") first.`,
    );
  return record;
}

export function issueRecord(state: StandInState, repo: RepoHandle | string, number: number): IssueRecord {
  const record = repoRecord(state, repo);
  const issue = record.issues.get(number);
  if (!issue)
    throw new Error(`${record.fullName} has no issue or pull request #${number}. To resolve, open it first.`);
  return issue;
}

export async function openPullRequest(state: StandInState, options: OpenPullRequestOptions): Promise<number> {
  const repo = repoRecord(state, options.repo);
  const headRepo = await headRepository(state, repo, options);
  const headSha = await branchSha(headRepo.bareDir, options.head);
  if (!headSha) {
    throw new Error(
      `Branch ${options.head} is not on ${headRepo.fullName} in the stand-in. To resolve, push it first (await repo.push("${options.head}")).`,
    );
  }
  const baseRef = options.base ?? repo.defaultBranch;
  if (!(await branchSha(repo.bareDir, baseRef))) {
    throw new Error(`Base branch ${baseRef} is not on ${repo.fullName}. To resolve, push it first.`);
  }
  const now = isoNow();
  const number = repo.nextNumber++;
  const pull: PullRecord = {
    id: state.nextId(),
    headRepo,
    headRef: options.head,
    baseRef,
    headSha: "",
    draft: options.draft ?? false,
    mergedAt: null,
    reviews: [],
    reviewComments: [],
  };
  repo.issues.set(number, {
    id: state.nextId(),
    number,
    title: options.title,
    body: options.body ?? null,
    state: "open",
    stateReason: null,
    labels: [],
    assignees: [],
    user: { login: options.user, type: "User" },
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    comments: [],
    pull,
  });
  await syncPullHead(repo, number);
  return number;
}

async function headRepository(
  state: StandInState,
  repo: RepoRecord,
  options: OpenPullRequestOptions,
): Promise<RepoRecord> {
  if (options.fromFork instanceof RepoHandle) return options.fromFork.record;
  if (!options.fromFork) return repo;
  const forkName = `${options.user}/${repo.name}`;
  const fork =
    state.findRepo(forkName) ??
    (
      await createRepo(
        state,
        forkName,
        { installationId: null, ownerType: "User", visibility: repo.visibility },
        repo,
      )
    ).record;
  // The branch goes from the base's work tree straight to the fork: its commits never reach the
  // base repository except through refs/pull/N/head, as with a real fork.
  await git(repo.workDir, [
    "push",
    "--quiet",
    "--no-verify",
    fork.bareDir,
    `+${options.head}:refs/heads/${options.head}`,
  ]);
  return fork;
}

export async function updatePullRequest(
  state: StandInState,
  repo: RepoHandle | string,
  number: number,
  changes: UpdatePullRequestOptions,
): Promise<void> {
  const issue = issueRecord(state, repo, number);
  if (!issue.pull)
    throw new Error(`#${number} is an issue, not a pull request. To resolve, pass a pull request number.`);
  await syncPullHead(repoRecord(state, repo), number);
  const now = isoNow();
  if (changes.title !== undefined) issue.title = changes.title;
  if (changes.body !== undefined) issue.body = changes.body;
  if (changes.base !== undefined) issue.pull.baseRef = changes.base;
  if (changes.draft !== undefined) issue.pull.draft = changes.draft;
  if (changes.merged) {
    issue.pull.mergedAt = now;
    changes.state = "closed";
  }
  if (changes.state !== undefined && changes.state !== issue.state) {
    issue.state = changes.state;
    issue.closedAt = changes.state === "closed" ? now : null;
  }
  issue.updatedAt = now;
}

const syncing = new WeakMap<PullRecord, Promise<void>>();

/**
 * Brings `refs/pull/N/head` of the base repository up to the head branch, fetching from the fork
 * when there is one, so commits of a fork PR can be read through the base repository as on
 * GitHub. Runs one at a time per pull request (git locks the ref).
 */
export function syncPullHead(repo: RepoRecord, number: number): Promise<void> {
  const pull = repo.issues.get(number)?.pull;
  if (!pull) return Promise.resolve();
  const previous = syncing.get(pull) ?? Promise.resolve();
  const next = previous.then(async () => {
    if (repo.issues.get(number)?.state === "closed" && pull.headSha) return;
    const sha = await branchSha(pull.headRepo.bareDir, pull.headRef);
    if (!sha || sha === pull.headSha) return;
    if (pull.headRepo === repo) {
      await git(repo.bareDir, ["update-ref", `refs/pull/${number}/head`, sha]);
    } else {
      await git(repo.bareDir, [
        "fetch",
        "--quiet",
        pull.headRepo.bareDir,
        `+refs/heads/${pull.headRef}:refs/pull/${number}/head`,
      ]);
    }
    pull.headSha = sha;
  });
  syncing.set(
    pull,
    next.catch(() => undefined),
  );
  return next;
}

/** Syncs every open PR of a repository, so `pull_requests` of check runs reflect recent pushes. */
export async function syncOpenPulls(repo: RepoRecord): Promise<void> {
  const open = [...repo.issues.values()].filter((i) => i.pull && i.state === "open");
  await Promise.all(open.map((i) => syncPullHead(repo, i.number)));
}

export interface PullDiff {
  baseSha: string;
  mergeBaseSha: string | null;
  commits: string[];
  files: DiffFile[];
}

/** The PR's commits (base..head) and files (merge base to head), as GitHub shows them. */
export async function pullDiff(repo: RepoRecord, number: number): Promise<PullDiff> {
  await syncPullHead(repo, number);
  const pull = repo.issues.get(number)!.pull!;
  const baseSha = (await branchSha(repo.bareDir, pull.baseRef)) ?? pull.headSha;
  const base = await mergeBase(repo.bareDir, baseSha, pull.headSha);
  const [commits, files] = await Promise.all([
    commitsBetween(repo.bareDir, baseSha, pull.headSha),
    diffFiles(repo.bareDir, base, pull.headSha),
  ]);
  return { baseSha, mergeBaseSha: base, commits, files };
}
