import { createHash } from "node:crypto";
import type { RepoInfo, ScanPullRequestJob, ScanPushJob, Visibility } from "./job-payloads.js";

/** The repository fields of a webhook payload that we read. */
export interface WebhookRepository {
  full_name: string;
  html_url: string;
  default_branch?: string;
  master_branch?: string;
  private: boolean;
  visibility?: string;
}

export interface JobRequest<P> {
  kind: string;
  /** Same delivery twice, or two deliveries of the same content → same key → one job. */
  dedupeKey: string;
  payload: P;
}

export function repoInfo(repository: WebhookRepository): RepoInfo {
  const visibility: Visibility =
    repository.visibility === "public" ||
    repository.visibility === "internal" ||
    repository.visibility === "private"
      ? repository.visibility
      : repository.private
        ? "private"
        : "public";
  return {
    fullName: repository.full_name,
    htmlUrl: repository.html_url,
    defaultBranch: repository.default_branch ?? repository.master_branch ?? "main",
    visibility,
  };
}

export interface PushWebhook {
  ref: string;
  before: string;
  after: string;
  created: boolean;
  deleted: boolean;
  forced: boolean;
  commits: { id: string }[];
  pusher: { name?: string | null };
  sender?: { login: string } | null;
  repository: WebhookRepository;
  installation?: { id: number } | null;
}

/** A push becomes one scan job, or none for a deleted branch or a tag without commits. */
export function jobFromPush(payload: PushWebhook, receivedAt: number): JobRequest<ScanPushJob> | null {
  if (payload.deleted || !payload.installation) return null;
  const repo = repoInfo(payload.repository);
  return {
    kind: "scan_push",
    dedupeKey: `push:${repo.fullName}:${payload.ref}:${payload.before}..${payload.after}`,
    payload: {
      installationId: payload.installation.id,
      repo,
      ref: payload.ref,
      before: payload.before,
      after: payload.after,
      created: payload.created,
      forced: payload.forced,
      payloadCommits: payload.commits.map((c) => c.id),
      pusher: payload.sender?.login ?? payload.pusher.name ?? null,
      receivedAt,
    },
  };
}

export interface PullRequestWebhook {
  action: string;
  number: number;
  pull_request: { head: { sha: string }; title: string; body: string | null; state: string };
  repository: WebhookRepository;
  installation?: { id: number } | null;
}

/**
 * opened/synchronize/reopened scan the head; edited scans again only when the title or body
 * changed, keyed by a hash of them so the same edit delivered twice is one job.
 */
export function jobFromPullRequest(
  payload: PullRequestWebhook,
  receivedAt: number,
): JobRequest<ScanPullRequestJob> | null {
  if (!payload.installation || payload.pull_request.state !== "open") return null;
  const repo = repoInfo(payload.repository);
  const head = payload.pull_request.head.sha;
  const text = createHash("sha256")
    .update(`${payload.pull_request.title}\0${payload.pull_request.body ?? ""}`)
    .digest("hex")
    .slice(0, 16);
  return {
    kind: "scan_pull_request",
    dedupeKey: `pr:${repo.fullName}#${payload.number}@${head}:${text}`,
    payload: {
      installationId: payload.installation.id,
      repo,
      number: payload.number,
      headSha: head,
      receivedAt,
    },
  };
}

export interface CheckRunWebhook {
  check_run: {
    head_sha: string;
    pull_requests: { number: number }[];
    check_suite?: { head_branch?: string | null } | null;
  };
  sender: { login: string };
  repository: WebhookRepository;
  installation?: { id: number } | null;
}

/**
 * "Re-run" on our check run scans its pull request again, or else its commit as a push. Each
 * request is its own job, keyed by the delivery id.
 */
export function jobFromCheckRun(
  payload: CheckRunWebhook,
  deliveryId: string,
  receivedAt: number,
): JobRequest<ScanPullRequestJob | ScanPushJob> | null {
  if (!payload.installation) return null;
  const run = payload.check_run;
  const installationId = payload.installation.id;
  const repo = repoInfo(payload.repository);
  const dedupeKey = `rerun:${deliveryId}`;
  const pr = run.pull_requests[0];
  if (pr) {
    return {
      kind: "scan_pull_request",
      dedupeKey,
      payload: { installationId, repo, number: pr.number, headSha: run.head_sha, receivedAt },
    };
  }
  return {
    kind: "scan_push",
    dedupeKey,
    payload: {
      installationId,
      repo,
      ref: `refs/heads/${run.check_suite?.head_branch ?? repo.defaultBranch}`,
      before: "",
      after: run.head_sha,
      created: false,
      forced: false,
      payloadCommits: [run.head_sha],
      pusher: payload.sender.login,
      receivedAt,
    },
  };
}
