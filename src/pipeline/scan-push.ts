import { incidentView } from "../act/incident-view.js";
import { publishCheckRun } from "../act/publish-check-run.js";
import { publishIncidentIssue } from "../act/publish-incident-issue.js";
import { renderContext } from "../act/render-context.js";
import type { ScanPullRequestJob, ScanPushJob } from "../jobs/job-payloads.js";
import { fetchPushChanges } from "../sources/github/fetch-push-changes.js";
import { findOpenPullRequest } from "../sources/github/find-open-pull-request.js";
import { keysPresentAt } from "../sources/github/keys-present-at.js";
import { splitFullName, type Octokit } from "../sources/github/octokit.js";
import { detectChanges } from "./detect-changes.js";
import { evidenceUrlFor } from "./evidence-url.js";
import { filterFindings } from "./filter-findings.js";
import { ignoredByCommand } from "./ignored-by-command.js";
import { revokeAndRecord } from "./revoke-and-record.js";
import type { ScanDeps } from "./scan-deps.js";
import { scheduleRetries } from "./schedule-retries.js";
import { settleAll } from "./settle-all.js";

/**
 * A push: every commit in it and their messages. Revoke first. Then, when the branch has an open
 * pull request, its sightings join that PR's comment (a PR re-render is queued); otherwise each key
 * gets its incident issue and the head commit a check run.
 */
export async function scanPush(octokit: Octokit, job: ScanPushJob, deps: ScanDeps): Promise<void> {
  const { store } = deps;
  const repo = splitFullName(job.repo.fullName);
  const branch = job.ref.startsWith("refs/heads/") ? job.ref.slice("refs/heads/".length) : null;
  const policyLoad = deps.loadPolicy(octokit, repo);
  const [policy, changes, ignored, openPr] = await Promise.all([
    policyLoad,
    fetchPushChanges(
      octokit,
      repo,
      {
        before: job.before,
        after: job.after,
        created: job.created,
        deleted: false,
        defaultBranch: job.repo.defaultBranch,
        payloadCommits: job.payloadCommits,
      },
      { maxBlobBytes: policyLoad.then((p) => p.scan.maxBlobBytes), commitMessages: true },
    ),
    ignoredByCommand(store, job.installationId, job.repo.fullName),
    branch ? findOpenPullRequest(octokit, repo, branch) : Promise.resolve(null),
  ]);
  const texts = policy.scan.commitMessages
    ? changes.texts
    : changes.texts.filter((t) => t.kind !== "commit_message");
  const kept = filterFindings(detectChanges(texts), policy, ignored);

  const { incidents, results } = await revokeAndRecord(
    {
      installationId: job.installationId,
      repo: job.repo,
      findings: kept,
      prNumber: openPr ?? undefined,
      evidenceUrl: evidenceUrlFor(job.repo.htmlUrl, {
        prNumber: openPr ?? undefined,
        commit: kept[0]?.commit,
      }),
      receivedAt: job.receivedAt,
      mode: policy.revocationModeFor(job.repo.visibility),
      dryRun: policy.dryRun,
    },
    { store, revoker: deps.revoker, now: deps.now },
  );
  deps.log.info(
    { repo: job.repo.fullName, ref: job.ref, commits: changes.commits.length, keys: incidents.length },
    "push scanned",
  );
  await scheduleRetries(deps, { kind: "scan_push", payload: job }, results, incidents);

  if (openPr !== null) {
    if (incidents.length === 0) return;
    const payload: ScanPullRequestJob = {
      installationId: job.installationId,
      repo: job.repo,
      number: openPr,
      headSha: job.after,
      receivedAt: job.receivedAt,
    };
    await deps.enqueue({
      kind: "scan_pull_request",
      dedupeKey: `pr-after-push:${job.repo.fullName}#${openPr}@${job.after}`,
      payload,
    });
    return;
  }

  const present = await keysPresentAt(octokit, repo, job.after, kept, policy);
  const context = renderContext(
    job.repo,
    { headSha: job.after, branch: branch ?? undefined, pusher: job.pusher },
    deps.now(),
  );
  const target = { installationId: job.installationId, repo, fullName: job.repo.fullName };
  const views = await Promise.all(
    incidents.map(async (incident) => {
      const sightings = await store.listSightings({
        installationId: job.installationId,
        repo: job.repo.fullName,
        fingerprint: incident.fingerprint,
      });
      return incidentView(incident, sightings, {
        removedFromHead: !present.has(incident.fingerprint),
        dryRun: policy.dryRun,
      });
    }),
  );
  const writes: Promise<unknown>[] = views.map((view) =>
    publishIncidentIssue(octokit, store, deps.holder, target, view, context, policy.issues),
  );
  if (policy.pullRequest.checkRun) {
    writes.push(
      publishCheckRun(octokit, store, deps.holder, target, views, context, {
        scanned: { files: new Set(texts.map((t) => t.path)).size, commits: changes.commits.length },
        configErrors: policy.configErrors,
        skipped: changes.skipped,
      }),
    );
  }
  await settleAll(writes);
}
