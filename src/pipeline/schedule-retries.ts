import type { RevocationResult } from "../act/revoke-leaked-keys.js";
import { backoffMs } from "../jobs/job-worker.js";
import type { RetryRevocationJob } from "../jobs/job-payloads.js";
import type { Incident } from "../store/index.js";
import type { ScanDeps } from "./scan-deps.js";

/**
 * Keeps retrying in the background any revocation that failed for a temporary reason: one retry
 * job per scan, with a growing delay, until every key in it is revoked or a person must act.
 */
export async function scheduleRetries(
  deps: ScanDeps,
  rerun: RetryRevocationJob["rerun"],
  results: Map<string, RevocationResult>,
  incidents: Incident[],
): Promise<void> {
  const failing = incidents.filter((i) => {
    const result = results.get(i.fingerprint);
    return result?.status === "revoke_failed" && result.retryable;
  });
  if (failing.length === 0) return;
  const attempts = Math.max(...failing.map((i) => i.attempts));
  const installationId = rerun.payload.installationId;
  const payload: RetryRevocationJob = {
    installationId,
    fingerprints: failing.map((i) => i.fingerprint),
    rerun,
  };
  const scan =
    rerun.kind === "scan_push"
      ? `${rerun.payload.repo.fullName}@${rerun.payload.after}`
      : `${rerun.payload.repo.fullName}#${rerun.payload.number}@${rerun.payload.headSha}`;
  await deps.enqueue({
    kind: "retry_revocation",
    dedupeKey: `retry:${rerun.kind}:${scan}:${attempts}`,
    payload,
    runAfter: new Date(deps.now() + backoffMs(Math.max(1, attempts))),
  });
}
