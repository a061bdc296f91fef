import { git } from "../git.js";
import { diffFiles } from "../diff-files.js";
import { commitsBetween, readCommits, ZERO_SHA, type CommitInfo } from "../git-objects.js";
import { loginFromEmail } from "../repo-handle.js";
import type { StandInState } from "../stand-in-state.js";
import type { RepoRecord } from "../stand-in-types.js";
import { payloadEnvelope } from "./payload-common.js";

export interface PushPayloadOptions {
  /** `refs/heads/main` or `main`. */
  ref: string;
  before: string;
  after: string;
  forced?: boolean;
  created?: boolean;
  deleted?: boolean;
  /** Login of the user who pushed. */
  pusher: string;
  /** Default: the pusher. */
  sender?: string;
}

// Webhook deliveries list up to 2048 commits (the 20-commit limit is for timeline events only).
const MAX_COMMITS = 2048;

async function payloadCommit(
  state: StandInState,
  repo: RepoRecord,
  c: CommitInfo,
): Promise<Record<string, unknown>> {
  const files = await diffFiles(repo.bareDir, c.parents[0] ?? null, c.sha);
  const person = (p: CommitInfo["author"]) => {
    const username = loginFromEmail(p.email);
    return { name: p.name, email: p.email, ...(username ? { username } : {}), date: p.date };
  };
  return {
    id: c.sha,
    tree_id: c.tree,
    distinct: true,
    message: c.message,
    timestamp: c.author.date,
    url: `${state.url}/${repo.fullName}/commit/${c.sha}`,
    author: person(c.author),
    committer: person(c.committer),
    added: files
      .filter((f) => f.status === "added" || f.status === "copied" || f.status === "renamed")
      .map((f) => f.filename),
    removed: [
      ...files.filter((f) => f.status === "removed").map((f) => f.filename),
      ...files.filter((f) => f.status === "renamed").map((f) => f.previousFilename!),
    ],
    modified: files.filter((f) => f.status === "modified" || f.status === "changed").map((f) => f.filename),
  };
}

/**
 * A `push` webhook payload for a push that already happened (pass what `repo.push()` returned).
 * Commits are those in `before..after`; for a new branch, those on no other branch.
 */
export async function pushPayload(
  state: StandInState,
  repo: RepoRecord,
  options: PushPayloadOptions,
): Promise<Record<string, unknown>> {
  const ref = options.ref.startsWith("refs/") ? options.ref : `refs/heads/${options.ref}`;
  const created = options.created ?? options.before === ZERO_SHA;
  const deleted = options.deleted ?? options.after === ZERO_SHA;
  let shas: string[] = [];
  if (!deleted) {
    if (created) {
      const others = (
        await git(repo.bareDir, ["for-each-ref", "--format=%(objectname) %(refname)", "refs/heads/"])
      )
        .split("\n")
        .filter((line) => line && !line.endsWith(` ${ref}`))
        .map((line) => `^${line.split(" ")[0]}`);
      shas = (await git(repo.bareDir, ["rev-list", "--reverse", "--topo-order", options.after, ...others]))
        .split("\n")
        .filter(Boolean);
    } else {
      shas = await commitsBetween(repo.bareDir, options.before, options.after);
    }
  }
  const infos = await readCommits(repo.bareDir, shas.slice(-MAX_COMMITS));
  const commits = await Promise.all(infos.map((c) => payloadCommit(state, repo, c)));
  const headCommit = deleted
    ? null
    : (commits.at(-1) ??
      (await payloadCommit(state, repo, (await readCommits(repo.bareDir, [options.after]))[0])));
  return {
    ref,
    before: options.before,
    after: options.after,
    created,
    deleted,
    forced: options.forced ?? false,
    base_ref: null,
    compare: `${state.url}/${repo.fullName}/compare/${options.before.slice(0, 12)}...${options.after.slice(0, 12)}`,
    commits,
    head_commit: headCommit,
    pusher: { name: options.pusher, email: `${options.pusher}@users.noreply.github.com` },
    ...payloadEnvelope(state, repo, options.sender ?? options.pusher, true),
  };
}
