import type { ReportedFinding, VerifiedStatus } from "./scan-report.js";

/** What `--verify` learnt, as a sentence; the action that follows depends on it. */
const VERIFIED: Readonly<Record<VerifiedStatus, string>> = {
  active: " Moltbook reports it active: anyone who reads it can use it now.",
  revoked: " Moltbook reports it revoked: it no longer works.",
  expired: " Moltbook reports it expired: it no longer works.",
  unknown: " Moltbook could not tell whether it is live (it is not in the organisation's inventory).",
};

/**
 * The message every format but text shows for a finding: what leaked, how it was written, what
 * Moltbook said of it when the scan verified it, and what to do. Only the redacted form and the
 * fingerprint appear.
 */
export function describeFinding(f: ReportedFinding): string {
  const what = f.kind === "moltbook_api_key" ? "Moltbook API key" : "Moltbook developer key";
  const how = f.encoding === "plain" ? "" : ` (${f.encoding}-encoded)`;
  const where = f.commit ? ` in commit ${f.commit.slice(0, 12)}` : "";
  const verified = f.status && f.kind === "moltbook_api_key" ? VERIFIED[f.status] : "";
  const dead = f.status === "revoked" || f.status === "expired";
  const action =
    f.kind !== "moltbook_api_key"
      ? "Rotate the developer key in the Moltbook developer console, then remove it from the code"
      : dead
        ? "Remove it from the code, and read its replacement from a secret store"
        : "Revoke the key in Moltbook, issue a new one from a secret store, then remove it from the code";
  return `${what} ${f.redacted}${how} found${where} (${f.fingerprint}).${verified} ${action}.`;
}
