import type { IncidentStatus, IncidentView } from "./model.js";
import { durationBetween, formatDuration, formatTimestamp } from "./render-time.js";

/** A few words for tables and annotation titles. */
export function statusLabel(status: IncidentStatus): string {
  switch (status) {
    case "revoked":
      return "revoked";
    case "already_revoked":
      return "already revoked";
    case "reported":
      return "reported to Moltbook (revoked)";
    case "revoke_failed":
      return "revocation FAILED: still active";
    case "report_only":
      return "still ACTIVE (report only)";
    case "dry_run":
      return "still ACTIVE (dry run)";
    case "not_revocable":
      return "developer key: rotate by hand";
    case "unknown":
      return "status unknown: treat as active";
  }
}

/** "1.2 s" from the push to the revocation, when Moltbook Guard did the revoking. */
export function timeToRevoke(incident: IncidentView): string | undefined {
  if (incident.status !== "revoked" && incident.status !== "reported") return undefined;
  const ms = durationBetween(incident.detectedAt, incident.revokedAt);
  return ms === undefined ? undefined : formatDuration(ms);
}

/**
 * One or two plain sentences on what the status means for whoever holds the key. Free text from
 * the incident (the error) is escaped by the caller's `escape`, so this stays Markdown-safe.
 */
export function statusSentence(incident: IncidentView, escape: (text: string) => string): string {
  const at = incident.revokedAt ? formatTimestamp(incident.revokedAt) : undefined;
  const after = timeToRevoke(incident);
  const consequence = "Any app still using it now gets `401 Unauthorized` until it is given a new key.";
  switch (incident.status) {
    case "revoked":
      return `Revoked by Moltbook Guard${at ? ` at ${at}` : ""}${after ? `, ${after} after Moltbook Guard saw it` : ""}. ${consequence}`;
    case "already_revoked":
      return `It was already revoked${at ? ` (at ${at})` : ""}, so it does not work. ${consequence}`;
    case "reported":
      return `It is not one of this organisation's keys, so it was reported to Moltbook${at ? ` at ${at}` : ""}${after ? ` (${after} after Moltbook Guard saw it)` : ""}, which revokes it and tells its owner. ${consequence}`;
    case "revoke_failed":
      return `**Revocation failed, so the key is still ACTIVE.**${incident.error ? ` ${escape(incident.error)}` : ""} Revoke it by hand now (steps below); Moltbook Guard keeps retrying and will update this.`;
    case "report_only":
      return "**The key is still ACTIVE.** This repository's policy is to report leaks, not revoke them, so a person must revoke it now.";
    case "dry_run":
      return "**The key is still ACTIVE.** Moltbook Guard runs in dry-run mode here and only looked the key up, so a person must revoke it now.";
    case "not_revocable":
      return "Moltbook developer app keys cannot be revoked through the API. **Rotate it now in the Moltbook developer dashboard**; until then it still works.";
    case "unknown":
      return `Moltbook Guard could not tell whether the key still works${incident.error ? ` (${escape(incident.error)})` : ""}. **Treat it as ACTIVE** and revoke it by hand now.`;
  }
}
