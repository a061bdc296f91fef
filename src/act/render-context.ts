import type { RepoInfo } from "../jobs/job-payloads.js";
import type { RenderContext } from "./render/index.js";

/** The renderers' context for one repository and head. */
export function renderContext(
  repo: RepoInfo,
  target: { headSha: string; prNumber?: number; branch?: string; pusher?: string | null },
  now: number,
): RenderContext {
  const htmlBaseUrl = repo.htmlUrl.endsWith(`/${repo.fullName}`)
    ? repo.htmlUrl.slice(0, -repo.fullName.length - 1)
    : "https://github.com";
  return {
    repoFullName: repo.fullName,
    visibility: repo.visibility,
    defaultBranch: repo.defaultBranch,
    prNumber: target.prNumber,
    headSha: target.headSha,
    branch: target.branch,
    pusher: target.pusher ?? undefined,
    htmlBaseUrl,
    now: new Date(now).toISOString(),
  };
}
