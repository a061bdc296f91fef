import { hostname } from "node:os";
import type { Logger } from "pino";
import { JobWorker, type ClaimedJob, type JobHandler } from "./jobs/job-worker.js";
import type { RetryRevocationJob, ScanPullRequestJob, ScanPushJob } from "./jobs/job-payloads.js";
import {
  checkGovernanceKey,
  createMoltbookClient,
  moltbookClientOptionsFromEnv,
  type MoltbookClient,
} from "./moltbook/index.js";
import { startGovernance } from "./governance/start-governance.js";
import { moltbookTuningFromEnv } from "./moltbook-tuning-from-env.js";
import { loadScanPolicy } from "./pipeline/load-scan-policy.js";
import type { ScanDeps } from "./pipeline/scan-deps.js";
import { scanPullRequest } from "./pipeline/scan-pull-request.js";
import { scanPush } from "./pipeline/scan-push.js";
import type { Octokit } from "./sources/github/octokit.js";
import { openStore, type NewJob, type Store } from "./store/index.js";

const JOB_RETENTION_MS = 7 * 86_400_000;

export interface Services {
  store: Store;
  moltbook: MoltbookClient;
  worker: JobWorker;
  /** Records the work durably, then wakes the worker. */
  enqueue(job: NewJob): Promise<{ created: boolean }>;
  close(): Promise<void>;
}

export interface ServicesOptions {
  env: NodeJS.ProcessEnv;
  log: Logger;
  /** An installation-authenticated Octokit (Probot's `app.auth(id)`; it caches the token). */
  octokitFor: (installationId: number) => Promise<Octokit>;
  now?: () => number;
}

/**
 * The store, the Moltbook client (its governance key checked before anything else), and the worker
 * that runs durable jobs. Jobs left unfinished by a crash are picked up as soon as it starts.
 */
export async function startServices(options: ServicesOptions): Promise<Services> {
  const { env, log } = options;
  const now = options.now ?? Date.now;
  const moltbook = createMoltbookClient(
    moltbookClientOptionsFromEnv(env, {
      ...moltbookTuningFromEnv(env),
      logger: log.child({ name: "moltbook" }),
    }),
  );
  const check = await checkGovernanceKey(moltbook);
  for (const warning of check.warnings) log.warn(warning);
  if (!check.ok) {
    await moltbook.close();
    throw new Error(check.error);
  }
  log.info({ scopes: check.scopes }, "MOLTBOOK_ADMIN_KEY checked");

  const store = await openStore(env.DATABASE_URL);
  const workerId = `${hostname()}:${process.pid}`;
  const enqueue = async (job: NewJob) => {
    const { created } = await store.enqueueJob(job);
    worker.notify();
    return { created };
  };
  const deps: ScanDeps = {
    store,
    revoker: moltbook,
    log,
    holder: workerId,
    now,
    loadPolicy: loadScanPolicy,
    enqueue: async (job) => void (await enqueue(job)),
  };
  const scans = {
    scan_push: async (p: ScanPushJob) => scanPush(await options.octokitFor(p.installationId), p, deps),
    scan_pull_request: async (p: ScanPullRequestJob) =>
      scanPullRequest(await options.octokitFor(p.installationId), p, deps),
  };
  const governance = startGovernance({
    store,
    moltbook,
    log,
    now,
    octokitFor: options.octokitFor,
    enqueue,
    workerId,
    env,
  });
  const handlers: Record<string, JobHandler> = {
    ...governance.handlers,
    scan_push: (job: ClaimedJob) => scans.scan_push(job.payload as ScanPushJob),
    scan_pull_request: (job: ClaimedJob) => scans.scan_pull_request(job.payload as ScanPullRequestJob),
    retry_revocation: async (job: ClaimedJob) => {
      const retry = job.payload as RetryRevocationJob;
      const incidents = await Promise.all(
        retry.fingerprints.map((fp) => store.getIncident(retry.installationId, fp)),
      );
      if (!incidents.some((i) => i?.state === "revoke_failed")) return;
      if (retry.rerun.kind === "scan_push") await scans.scan_push(retry.rerun.payload);
      else await scans.scan_pull_request(retry.rerun.payload);
    },
  };
  const worker: JobWorker = new JobWorker({
    queue: store,
    handlers,
    log: log.child({ name: "worker" }),
    workerId,
    leaseMs: leaseMsFromEnv(env),
  });
  worker.start();
  // Done jobs keep their dedupe keys (a redelivery finds them) for a week, then make room.
  const prune = setInterval(() => {
    store.pruneJobs(new Date(now() - JOB_RETENTION_MS)).catch((error: unknown) => {
      log.warn({ err: error }, "could not prune finished jobs; will try again in an hour");
    });
  }, 3_600_000);
  prune.unref();

  return {
    store,
    moltbook,
    worker,
    enqueue,
    async close() {
      clearInterval(prune);
      governance.stop();
      await worker.stop();
      await moltbook.close();
      await store.close();
    },
  };
}

/** JOB_LEASE_SECONDS: how long a crashed worker's job waits before another worker takes it over. */
function leaseMsFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.JOB_LEASE_SECONDS?.trim();
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 1) {
    throw new Error(
      `JOB_LEASE_SECONDS is "${raw}", not a number of seconds ≥ 1 (environment). To resolve, fix or unset it.`,
    );
  }
  return seconds * 1000;
}
