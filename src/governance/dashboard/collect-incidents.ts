import { INCIDENT_STATES, type Incident, type IncidentState, type Store } from "../../store/index.js";
import type { IncidentRef } from "../render/render-dashboard.js";

/** Incidents still needing someone: every state but resolved and ignored. */
const OPEN_INCIDENT_STATES: readonly IncidentState[] = INCIDENT_STATES.filter(
  (state) => state !== "resolved" && state !== "ignored",
);

const STATE_TEXT: Record<IncidentState, string> = {
  found: "found",
  revoked: "revoked, still in the code",
  revoke_failed: "revocation failed",
  reported: "reported to Moltbook",
  active_report_only: "still active: revoke it",
  removed: "removed from the code, still active",
  resolved: "resolved",
  ignored: "ignored",
};

/** Shown on the dashboard; more are counted, not listed. */
const MAX_INCIDENTS = 50;

/**
 * The open leak incidents of an installation with the thread each lives in: its incident issue,
 * else the pull request it was seen in, else the repository alone. Titles carry the redacted key.
 */
export async function collectIncidents(store: Store, installationId: number): Promise<IncidentRef[]> {
  const incidents = await store.listIncidents({ installationId, states: [...OPEN_INCIDENT_STATES] });
  incidents.sort((a, b) => b.firstSeenAt.getTime() - a.firstSeenAt.getTime());
  const issues = await store.listOwnedObjects({ installationId, kind: "incident_issue" });
  const byFingerprint = new Map<string, { repo: string; number: number }[]>();
  for (const o of issues) {
    if (o.number === null) continue;
    byFingerprint.set(o.key, [...(byFingerprint.get(o.key) ?? []), { repo: o.repo, number: o.number }]);
  }
  const refs: IncidentRef[] = [];
  for (const incident of incidents.slice(0, MAX_INCIDENTS))
    refs.push(...(await threadsOf(store, incident, byFingerprint)));
  return refs;
}

async function threadsOf(
  store: Store,
  incident: Incident,
  issues: Map<string, { repo: string; number: number }[]>,
): Promise<IncidentRef[]> {
  const title = `Leaked key ${incident.redacted} (${STATE_TEXT[incident.state]})`;
  const own = issues.get(incident.fingerprint);
  if (own?.length) return own.map((i) => ({ ...i, title }));
  const sightings = await store.listSightings({
    installationId: incident.installationId,
    fingerprint: incident.fingerprint,
  });
  const prs = new Map<string, IncidentRef>();
  for (const s of sightings) {
    const key = s.prNumber === null ? s.repo : `${s.repo}#${s.prNumber}`;
    if (!prs.has(key)) prs.set(key, { repo: s.repo, number: s.prNumber, title });
  }
  const withPr = [...prs.values()].filter((r) => r.number !== null);
  return withPr.length > 0 ? withPr : [...prs.values()].slice(0, 1);
}
