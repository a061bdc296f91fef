import type { Store } from "./store.js";

/** One detector finding: its incident (created once) and where it was seen (recorded once). */
export function recordFinding(
  store: Pick<Store, "upsertIncident" | "recordSighting">,
): Store["recordFinding"] {
  return async ({ installationId, repo, source, finding, prNumber, evidenceUrl, seenAt }) => {
    const { incident, created: incidentCreated } = await store.upsertIncident({
      installationId,
      fingerprint: finding.fingerprint,
      kind: finding.kind,
      redacted: finding.redacted,
      firstSeenAt: seenAt,
    });
    const { sighting, created: sightingCreated } = await store.recordSighting({
      installationId,
      fingerprint: finding.fingerprint,
      repo,
      commitSha: finding.commit ?? null,
      path: finding.path,
      line: finding.line,
      column: finding.column,
      encoding: finding.encoding,
      source,
      prNumber,
      evidenceUrl,
      seenAt,
    });
    return { incident, incidentCreated, sighting, sightingCreated };
  };
}
