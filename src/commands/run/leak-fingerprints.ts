import type { Store } from "../../store/index.js";
import type { CommandJob } from "./command-job.js";

/**
 * The leaked keys a command on a leak thread is about: the incident's key, or every key still in a
 * pull request (seen there and not removed since).
 */
export async function leakFingerprints(store: Store, job: CommandJob): Promise<string[]> {
  if (job.target.place === "incident") return [job.target.fingerprint];
  if (job.target.place !== "pull_request") return [];
  const sightings = await store.listSightings({
    installationId: job.installationId,
    repo: job.repo.fullName,
    prNumber: job.number,
    present: true,
  });
  return [...new Set(sightings.map((s) => s.fingerprint))];
}

/** The commits an incident was seen in within this repository, newest last, at most `max`. */
export async function incidentCommits(
  store: Store,
  job: CommandJob,
  fingerprint: string,
  max = 10,
): Promise<string[]> {
  const sightings = await store.listSightings({
    installationId: job.installationId,
    repo: job.repo.fullName,
    fingerprint,
  });
  const shas = [...new Set(sightings.map((s) => s.commitSha).filter((s): s is string => !!s))];
  return shas.slice(-max);
}
