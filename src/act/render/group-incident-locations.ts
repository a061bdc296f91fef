import type { Finding, FindingKind } from "../../detect/index.js";
import type { IncidentLocation } from "./model.js";

/** A finding as the renderers may see it: everything but the secret. */
export type FindingSummary = Omit<Finding, "secret">;

export interface IncidentGroup {
  fingerprint: string;
  redacted: string;
  kind: FindingKind;
  locations: IncidentLocation[];
}

/**
 * Groups findings into one entry per key, in first-seen order. Fields are copied one by one,
 * never spread, so a Finding's `secret` cannot ride along into a view.
 */
export function groupIncidentLocations(findings: Iterable<FindingSummary>): IncidentGroup[] {
  const groups = new Map<string, IncidentGroup>();
  for (const f of findings) {
    let group = groups.get(f.fingerprint);
    if (!group) {
      group = { fingerprint: f.fingerprint, redacted: f.redacted, kind: f.kind, locations: [] };
      groups.set(f.fingerprint, group);
    }
    const location: IncidentLocation = { path: f.path, line: f.line, column: f.column, encoding: f.encoding };
    if (f.commit !== undefined) location.commit = f.commit;
    group.locations.push(location);
  }
  return [...groups.values()];
}
