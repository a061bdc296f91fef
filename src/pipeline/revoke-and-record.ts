import { revokeLeakedKeys, type KeyRevoker, type RevocationResult } from "../act/revoke-leaked-keys.js";
import type { RevocationMode } from "../config/index.js";
import type { Finding } from "../detect/index.js";
import type { RepoInfo } from "../jobs/job-payloads.js";
import { revokedIncidentUpdate, type Incident, type IncidentUpdate, type Store } from "../store/index.js";
import { locateFinding } from "./evidence-url.js";

export interface RevokeAndRecordInput {
  installationId: number;
  repo: RepoInfo;
  findings: Finding[];
  prNumber?: number;
  evidenceUrl?: string;
  /** When the webhook arrived: the incident's first-seen time. */
  receivedAt: number;
  mode: RevocationMode;
  dryRun: boolean;
}

// A key in one of these states needs no further call to Moltbook: it is dead, or a person must act.
const SETTLED: ReadonlySet<Incident["state"]> = new Set(["revoked", "reported"]);

/**
 * Revokes first, then records. Keys the store already knows as revoked are not sent again, so a
 * redelivered webhook or a second instance never double-revokes.
 */
export async function revokeAndRecord(
  input: RevokeAndRecordInput,
  deps: { store: Store; revoker: KeyRevoker; now: () => number },
): Promise<{ incidents: Incident[]; results: Map<string, RevocationResult> }> {
  const { store } = deps;
  const fingerprints = [...new Set(input.findings.map((f) => f.fingerprint))];
  const known = await Promise.all(fingerprints.map((fp) => store.getIncident(input.installationId, fp)));
  const settled = new Set(known.filter((i) => i && SETTLED.has(i.state)).map((i) => i!.fingerprint));

  const results = await revokeLeakedKeys(
    input.findings.filter((f) => !settled.has(f.fingerprint)),
    deps.revoker,
    { mode: input.mode, dryRun: input.dryRun, evidenceUrl: input.evidenceUrl, now: deps.now },
  );

  const seenAt = new Date(input.receivedAt);
  for (const finding of input.findings) {
    const { url, source } = locateFinding(finding, input.repo.htmlUrl, input.prNumber);
    await store.recordFinding({
      installationId: input.installationId,
      repo: input.repo.fullName,
      source,
      finding,
      prNumber: input.prNumber ?? null,
      evidenceUrl: url,
      seenAt,
    });
  }
  for (const result of results.values()) {
    const update = incidentUpdate(result);
    if (update) {
      await store.updateIncident(input.installationId, result.fingerprint, update, {
        fromStates: ["found", "revoke_failed", "active_report_only"],
      });
    }
  }
  const incidents = await Promise.all(fingerprints.map((fp) => store.getIncident(input.installationId, fp)));
  return { incidents: incidents.filter((i): i is Incident => i !== null), results };
}

/** How a revocation result changes the incident. */
export function incidentUpdate(result: RevocationResult): IncidentUpdate | null {
  const revokedAt = result.revokedAt ? new Date(result.revokedAt) : new Date(result.settledAt);
  switch (result.status) {
    case "revoked":
    case "already_revoked":
      return {
        ...revokedIncidentUpdate(result.status, revokedAt),
        keyId: result.key?.id,
        keyName: result.key?.name,
      };
    case "reported":
      return { state: "reported", revokeOutcome: "not_found", revokedAt, lastError: null, nextRetryAt: null };
    case "revoke_failed":
      return {
        state: "revoke_failed",
        lastError: result.error ?? "Revocation failed.",
        incrementAttempts: true,
      };
    case "report_only":
    case "dry_run":
      return {
        state: "active_report_only",
        lookupStatus: result.key ? result.key.status : "unknown",
        keyId: result.key?.id ?? null,
        keyName: result.key?.name ?? null,
      };
    default:
      return null;
  }
}
