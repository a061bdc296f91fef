import type { Finding, SecretValue } from "../detect/index.js";
import type { RevocationMode } from "../config/index.js";
import type { KeyRecord, LookupResult, RevokeResult } from "../moltbook/types.js";
import type { IncidentStatus } from "./render/index.js";

/** The Moltbook calls revocation needs; the Moltbook client provides them, batched. */
export interface KeyRevoker {
  revoke(fingerprint: string, options: { reason: "leaked"; evidenceUrl?: string }): Promise<RevokeResult>;
  lookup(fingerprint: string): Promise<LookupResult>;
  reportCredential(secret: SecretValue, evidenceUrl?: string): Promise<unknown>;
}

/** What revocation did to a key: the same states the renderers describe. */
export type RevocationStatus = IncidentStatus;

export interface RevocationResult {
  fingerprint: string;
  status: RevocationStatus;
  revokedAt?: string;
  /** When Moltbook accepted the call (ms since epoch): the end of the exposure clock. */
  settledAt: number;
  key?: KeyRecord | null;
  /** Actionable, never containing a key. */
  error?: string;
  /** A temporary failure: retry in the background. */
  retryable?: boolean;
}

export interface RevokeOptions {
  mode: RevocationMode;
  dryRun: boolean;
  evidenceUrl?: string;
  now?: () => number;
}

/**
 * Revocation comes before anything that talks back to GitHub. Org keys are revoked by fingerprint
 * straight away (one batched call for a burst); `not_found` means a key outside the inventory,
 * which is reported through /credentials/revoke, the only call that sends the raw key. In
 * report-only or dry-run mode keys are looked up instead.
 */
export async function revokeLeakedKeys(
  findings: Finding[],
  revoker: KeyRevoker,
  options: RevokeOptions,
): Promise<Map<string, RevocationResult>> {
  const now = options.now ?? Date.now;
  const byFingerprint = new Map<string, Finding>();
  for (const f of findings) if (!byFingerprint.has(f.fingerprint)) byFingerprint.set(f.fingerprint, f);
  const results = await Promise.all(
    [...byFingerprint.values()].map(async (finding) => {
      try {
        return { ...(await revokeOne(finding, revoker, options)), settledAt: now() };
      } catch (error) {
        return failure(finding.fingerprint, error, now());
      }
    }),
  );
  return new Map(results.map((r) => [r.fingerprint, r]));
}

async function revokeOne(
  finding: Finding,
  revoker: KeyRevoker,
  options: RevokeOptions,
): Promise<Omit<RevocationResult, "settledAt">> {
  const fingerprint = finding.fingerprint;
  if (finding.kind !== "moltbook_api_key") return { fingerprint, status: "not_revocable" };
  if (options.mode === "off") return { fingerprint, status: "unknown" };
  if (options.mode === "report" || options.dryRun) {
    const found = await revoker.lookup(fingerprint);
    if (found.status === "revoked" || found.status === "expired") {
      return {
        fingerprint,
        status: "already_revoked",
        revokedAt: found.key?.revoked_at ?? undefined,
        key: found.key,
      };
    }
    if (found.status === "unknown")
      return { fingerprint, status: options.dryRun ? "dry_run" : "report_only", key: null };
    return { fingerprint, status: options.dryRun ? "dry_run" : "report_only", key: found.key };
  }
  const result = await revoker.revoke(fingerprint, { reason: "leaked", evidenceUrl: options.evidenceUrl });
  switch (result.outcome) {
    case "revoked":
      return { fingerprint, status: "revoked", revokedAt: result.revoked_at ?? undefined };
    case "already_revoked":
      return { fingerprint, status: "already_revoked", revokedAt: result.revoked_at ?? undefined };
    case "not_found":
      await revoker.reportCredential(finding.secret, options.evidenceUrl);
      return { fingerprint, status: "reported" };
    case "forbidden":
      return {
        fingerprint,
        status: "revoke_failed",
        error:
          "Moltbook refused to revoke this key for the governance key (forbidden). To resolve, revoke it in the Moltbook dashboard of the organisation that owns it.",
        retryable: false,
      };
  }
}

function failure(fingerprint: string, error: unknown, settledAt: number): RevocationResult {
  const code = (error as { code?: string }).code;
  const retryable = code === undefined || code === "unavailable" || code === "rate_limited";
  const message = error instanceof Error ? error.message : String(error);
  return { fingerprint, status: "revoke_failed", error: message, retryable, settledAt };
}
