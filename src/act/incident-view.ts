import type { Incident, Sighting } from "../store/index.js";
import type { IncidentStatus, IncidentView } from "./render/index.js";

/** What the renderers say about a key, from what the store knows. */
export function incidentStatus(incident: Incident, dryRun = false): IncidentStatus {
  if (incident.kind !== "moltbook_api_key") return "not_revocable";
  switch (incident.state) {
    case "revoked":
      return incident.revokeOutcome === "already_revoked" ? "already_revoked" : "revoked";
    case "reported":
      return "reported";
    case "revoke_failed":
      return "revoke_failed";
    case "active_report_only":
      return dryRun ? "dry_run" : "report_only";
    default:
      return "unknown";
  }
}

/** One incident and the sightings to show for it. */
export function incidentView(
  incident: Incident,
  sightings: Sighting[],
  options: { removedFromHead: boolean; dryRun: boolean },
): IncidentView {
  const status = incidentStatus(incident, options.dryRun);
  return {
    fingerprint: incident.fingerprint,
    redacted: incident.redacted,
    kind: incident.kind,
    status,
    revokedAt: incident.revokedAt?.toISOString(),
    detectedAt: incident.firstSeenAt.toISOString(),
    keyId: incident.keyId ?? undefined,
    keyName: incident.keyName ?? undefined,
    error: status === "revoke_failed" ? (incident.lastError ?? undefined) : undefined,
    locations: sightings.map((s) => ({
      path: s.path,
      line: s.line,
      column: s.column,
      encoding: s.encoding,
      commit: s.commitSha ?? undefined,
      url: s.evidenceUrl ?? undefined,
    })),
    removedFromHead: options.removedFromHead,
  };
}
