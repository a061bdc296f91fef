import type { KeyRecord } from "../../moltbook/types.js";

export interface RepoMapping {
  /** `owner/repo` that receives the key's issues. */
  repo: string;
  /** `project` when the app is installed on the key's project; `governance` otherwise. */
  via: "project" | "governance";
  /** The key's project as recorded (null when missing or not `owner/repo`). */
  project: string | null;
  /**
   * People to assign: the owner's GitHub login when recorded. The caller keeps only those GitHub
   * says can be assigned in `repo` (checkUserCanBeAssigned); assigning is best-effort.
   */
  assignees: string[];
}

const PROJECT = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/**
 * A key's issues go to its project when the app is installed there (matched case-insensitively,
 * as GitHub does, and spelled as the installation spells it), otherwise to the governance repo.
 */
export function mapKeyToRepo(
  key: Pick<KeyRecord, "project" | "owner">,
  installedRepos: ReadonlySet<string>,
  governanceRepo: string,
): RepoMapping {
  const project = key.project && PROJECT.test(key.project.trim()) ? key.project.trim() : null;
  const installed = project ? findInstalled(project, installedRepos) : null;
  const login = key.owner.github_login?.trim().replace(/^@/, "") ?? "";
  return {
    repo: installed ?? governanceRepo,
    via: installed ? "project" : "governance",
    project,
    assignees: LOGIN.test(login) ? [login] : [],
  };
}

function findInstalled(project: string, installedRepos: ReadonlySet<string>): string | null {
  if (installedRepos.has(project)) return project;
  const wanted = project.toLowerCase();
  for (const repo of installedRepos) if (repo.toLowerCase() === wanted) return repo;
  return null;
}
