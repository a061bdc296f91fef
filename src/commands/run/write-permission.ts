import { hasWriteAccess } from "../has-write-access.js";
import type { Octokit, RepoRef } from "../../sources/github/octokit.js";

/**
 * Whether `login` has write access or more to the repository
 * (`GET /repos/{o}/{r}/collaborators/{user}/permission`). Someone GitHub does not know there has none.
 */
export async function canWrite(octokit: Octokit, repo: RepoRef, login: string): Promise<boolean> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: login });
    return hasWriteAccess(data.permission);
  } catch (error) {
    if ((error as { status?: number }).status === 404) return false;
    throw error;
  }
}
