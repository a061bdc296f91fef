import type { Store } from "../store/index.js";

/** Fingerprints marked as false positives with `/moltbook-guard ignore`, for this repository. */
export async function ignoredByCommand(
  store: Store,
  installationId: number,
  repo: string,
): Promise<Set<string>> {
  const entries = await store.listIgnoredFingerprints(installationId, repo);
  return new Set(entries.map((e) => e.fingerprint));
}
