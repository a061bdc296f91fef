import { MoltbookError } from "./errors.js";
import { API_KEY_PATTERN, FINGERPRINT_PATTERN, REVOKE_REASONS } from "./types.js";

const REASONS: readonly string[] = REVOKE_REASONS;

// Checked before a value joins a batch: one bad item would otherwise make Moltbook refuse the whole call.
// Messages never echo the value: a caller could have passed a raw key by mistake.

export function assertFingerprint(value: string, operation: string): void {
  if (!FINGERPRINT_PATTERN.test(value)) {
    throw invalid(
      operation,
      "a fingerprint is not `sha256:` + 64 lower-case hex digits",
      "pass the fingerprint, never the key",
    );
  }
}

export function assertRevokeOptions(
  reason: string,
  evidenceUrl: string | undefined,
  operation: string,
): void {
  if (!REASONS.includes(reason)) {
    throw invalid(operation, `reason must be one of ${REASONS.join(", ")}`, "pass one of those reasons");
  }
  assertEvidenceUrl(evidenceUrl, operation);
}

export function assertEvidenceUrl(evidenceUrl: string | undefined, operation: string): void {
  if (evidenceUrl !== undefined && !URL.canParse(evidenceUrl)) {
    throw invalid(operation, "evidence_url is not an absolute URL", "pass the commit, PR or issue URL");
  }
}

export function assertRevocableKey(raw: string, operation: string): void {
  if (!API_KEY_PATTERN.test(raw)) {
    throw invalid(operation, "the credential is not a Moltbook API key", "report only `moltbook_sk_` keys");
  }
}

function invalid(operation: string, what: string, action: string): MoltbookError {
  return new MoltbookError(
    "invalid",
    `Cannot call Moltbook: ${what} (${operation}). To resolve, ${action}.`,
    {
      operation,
      retryable: false,
    },
  );
}
