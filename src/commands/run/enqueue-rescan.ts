import type { ScanPullRequestJob, ScanPushJob } from "../../jobs/job-payloads.js";
import type { CommandContext } from "./command-context.js";
import { incidentCommits } from "./leak-fingerprints.js";

/**
 * Scans the thread's code again: the pull request's head, or each commit an incident was seen in
 * (as a re-run of its check does). Returns how many scans were asked for.
 */
export async function enqueueRescan(ctx: CommandContext, fingerprints: readonly string[]): Promise<number> {
  const { job, deps } = ctx;
  const receivedAt = ctx.now.getTime();
  if (job.target.place === "pull_request") {
    const { data } = await ctx.octokit.rest.pulls.get({ ...ctx.repo, pull_number: job.number });
    const payload: ScanPullRequestJob = {
      installationId: job.installationId,
      repo: job.repo,
      number: job.number,
      headSha: data.head.sha,
      receivedAt,
    };
    await deps.enqueue({
      kind: "scan_pull_request",
      dedupeKey: `rescan:${job.repo.fullName}#${job.number}:${job.commentId}`,
      payload,
    });
    return 1;
  }
  const shas = new Set<string>();
  for (const fp of fingerprints) for (const sha of await incidentCommits(deps.store, job, fp)) shas.add(sha);
  for (const sha of shas) {
    const payload: ScanPushJob = {
      installationId: job.installationId,
      repo: job.repo,
      ref: `refs/heads/${job.repo.defaultBranch}`,
      before: "",
      after: sha,
      created: false,
      forced: false,
      payloadCommits: [sha],
      pusher: null,
      receivedAt,
    };
    await deps.enqueue({
      kind: "scan_push",
      dedupeKey: `rescan:${job.repo.fullName}@${sha}:${job.commentId}`,
      payload,
    });
  }
  return shas.size;
}
