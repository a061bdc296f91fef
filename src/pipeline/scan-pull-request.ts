import { incidentStatus, incidentView } from "../act/incident-view.js";
import { publishCheckRun } from "../act/publish-check-run.js";
import { publishPrComment } from "../act/publish-pr-comment.js";
import { publishReviewSuggestions } from "../act/publish-review-suggestions.js";
import { renderContext } from "../act/render-context.js";
import type { ScanPullRequestJob } from "../jobs/job-payloads.js";
import { fetchPullRequestChanges } from "../sources/github/fetch-pull-request-changes.js";
import { splitFullName, type Octokit } from "../sources/github/octokit.js";
import { detectChanges } from "./detect-changes.js";
import { evidenceUrlFor } from "./evidence-url.js";
import { filterFindings } from "./filter-findings.js";
import { ignoredByCommand } from "./ignored-by-command.js";
import { revokeAndRecord } from "./revoke-and-record.js";
import type { ScanDeps } from "./scan-deps.js";
import { scheduleRetries } from "./schedule-retries.js";
import { settleAll } from "./settle-all.js";

// Pushes to a fork never reach the app; past this many commits a fork PR's are reported, not scanned.
const FORK_COMMIT_LIMIT = 100;

/**
 * A pull request: its files, commits, title and body, through the base repository (forks too).
 * Revoke first; then the check run, the one comment and the review suggestions.
 */
export async function scanPullRequest(
  octokit: Octokit,
  job: ScanPullRequestJob,
  deps: ScanDeps,
): Promise<void> {
  const { store } = deps;
  const repo = splitFullName(job.repo.fullName);
  const policyLoad = deps.loadPolicy(octokit, repo);
  const [policy, changes, ignored] = await Promise.all([
    policyLoad,
    fetchPullRequestChanges(octokit, repo, job.number, {
      maxBlobBytes: policyLoad.then((p) => p.scan.maxBlobBytes),
      commitMessages: true,
      prBody: true,
      perCommitLimit: FORK_COMMIT_LIMIT,
    }),
    ignoredByCommand(store, job.installationId, job.repo.fullName),
  ]);
  // The head's files are detected once: their findings are both leaks to revoke and what is still
  // in the head; the rest (title, body, commit messages, a fork's commits) only leaks.
  const headTexts = new Set(changes.headTexts);
  const otherTexts = changes.texts.filter(
    (t) =>
      !headTexts.has(t) &&
      (policy.scan.commitMessages || t.kind !== "commit_message") &&
      (policy.scan.prBody || t.kind !== "pr_body"),
  );
  const headFindings = filterFindings(detectChanges(changes.headTexts), policy, ignored);
  const kept = [...headFindings, ...filterFindings(detectChanges(otherTexts), policy, ignored)];

  const { incidents, results } = await revokeAndRecord(
    {
      installationId: job.installationId,
      repo: job.repo,
      findings: kept,
      prNumber: job.number,
      evidenceUrl: evidenceUrlFor(job.repo.htmlUrl, { prNumber: job.number }),
      receivedAt: job.receivedAt,
      mode: policy.revocationModeFor(job.repo.visibility),
      dryRun: policy.dryRun,
    },
    { store, revoker: deps.revoker, now: deps.now },
  );
  deps.log.info(
    { repo: job.repo.fullName, pr: job.number, keys: incidents.length, findings: kept.length },
    "pull request scanned",
  );
  await scheduleRetries(deps, { kind: "scan_pull_request", payload: job }, results, incidents);

  // What is still in the head: the PR's net diff against its base, and its title and body.
  const proseFindings = kept.filter(
    (f) => f.path === "(pull request title)" || f.path === "(pull request body)",
  );
  const stillPresent = new Set([...headFindings, ...proseFindings].map((f) => f.fingerprint));
  await store.markSightingsRemoved(
    {
      installationId: job.installationId,
      repo: job.repo.fullName,
      prNumber: job.number,
      stillPresent: [...stillPresent],
    },
    new Date(deps.now()),
  );

  const sightings = await store.listSightings({
    installationId: job.installationId,
    repo: job.repo.fullName,
    prNumber: job.number,
  });
  const fingerprints = [...new Set(sightings.map((s) => s.fingerprint))];
  const all = await Promise.all(fingerprints.map((fp) => store.getIncident(job.installationId, fp)));
  const views = all
    .filter((i) => i !== null && i.state !== "ignored" && !ignored.has(i.fingerprint))
    .map((i) =>
      incidentView(
        i!,
        sightings.filter((s) => s.fingerprint === i!.fingerprint),
        { removedFromHead: !stillPresent.has(i!.fingerprint), dryRun: policy.dryRun },
      ),
    );

  const target = { installationId: job.installationId, repo, fullName: job.repo.fullName };
  const context = renderContext(job.repo, { headSha: changes.headSha, prNumber: job.number }, deps.now());
  const writes: Promise<unknown>[] = [];
  if (policy.pullRequest.checkRun) {
    writes.push(
      publishCheckRun(octokit, store, deps.holder, target, views, context, {
        scanned: { files: changes.headTexts.length, commits: changes.commits.length },
        configErrors: policy.configErrors,
        skipped: changes.skipped,
      }),
    );
  }
  if (policy.pullRequest.comment) {
    writes.push(
      publishPrComment(octokit, store, deps.holder, { ...target, prNumber: job.number }, views, context),
    );
  }
  if (policy.pullRequest.suggestions) {
    const byFingerprint = new Map(all.filter((i) => i !== null).map((i) => [i!.fingerprint, i!]));
    writes.push(
      publishReviewSuggestions(
        octokit,
        store,
        deps.holder,
        { ...target, prNumber: job.number, headSha: changes.headSha },
        headFindings,
        changes.headTexts,
        (fp) => {
          const incident = byFingerprint.get(fp);
          return incident ? incidentStatus(incident, policy.dryRun) : "unknown";
        },
      ),
    );
  }
  await settleAll(writes);
}
