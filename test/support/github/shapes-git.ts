import type { DiffFile } from "./diff-files.js";
import type { CommitInfo, GitPerson } from "./git-objects.js";
import { loginFromEmail } from "./repo-handle.js";
import { userJson } from "./shapes-common.js";
import type { StandInState } from "./stand-in-state.js";
import type { RepoRecord } from "./stand-in-types.js";

function personUser(state: StandInState, person: GitPerson): Record<string, unknown> | null {
  const login = loginFromEmail(person.email);
  return login ? userJson(state, { login, type: "User" }) : null;
}

/** A commit as list endpoints (compare, PR commits) return it. */
export function commitJson(state: StandInState, repo: RepoRecord, c: CommitInfo): Record<string, unknown> {
  const api = `${state.apiUrl}/repos/${repo.fullName}`;
  return {
    sha: c.sha,
    node_id: Buffer.from(`Commit${c.sha}`).toString("base64"),
    commit: {
      author: c.author,
      committer: c.committer,
      message: c.message,
      tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
      url: `${api}/git/commits/${c.sha}`,
      comment_count: 0,
      verification: {
        verified: false,
        reason: "unsigned",
        signature: null,
        payload: null,
        verified_at: null,
      },
    },
    url: `${api}/commits/${c.sha}`,
    html_url: `${state.url}/${repo.fullName}/commit/${c.sha}`,
    comments_url: `${api}/commits/${c.sha}/comments`,
    author: personUser(state, c.author),
    committer: personUser(state, c.committer),
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${api}/commits/${p}`,
      html_url: `${state.url}/${repo.fullName}/commit/${p}`,
    })),
  };
}

/**
 * A changed file as GitHub lists it. `patch` is left out when it is larger than the configured
 * limit, as GitHub does for large diffs, so clients must fall back to the blob.
 */
export function diffEntryJson(
  state: StandInState,
  repo: RepoRecord,
  commitSha: string,
  f: DiffFile,
): Record<string, unknown> {
  const path = f.filename.split("/").map(encodeURIComponent).join("/");
  const entry: Record<string, unknown> = {
    sha: f.sha,
    filename: f.filename,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    changes: f.additions + f.deletions,
    blob_url: `${state.url}/${repo.fullName}/blob/${commitSha}/${path}`,
    raw_url: `${state.url}/${repo.fullName}/raw/${commitSha}/${path}`,
    contents_url: `${state.apiUrl}/repos/${repo.fullName}/contents/${path}?ref=${commitSha}`,
  };
  if (f.patch !== undefined && Buffer.byteLength(f.patch) <= state.config.maxPatchBytes)
    entry.patch = f.patch;
  if (f.previousFilename !== undefined) entry.previous_filename = f.previousFilename;
  return entry;
}

export function diffStats(files: DiffFile[]): { additions: number; deletions: number; total: number } {
  const additions = files.reduce((n, f) => n + f.additions, 0);
  const deletions = files.reduce((n, f) => n + f.deletions, 0);
  return { additions, deletions, total: additions + deletions };
}
