import type { ReportedFinding } from "./scan-report.js";

/**
 * The one-sentence message every format shows for a finding: what leaked, how it was written, and
 * what to do. Only the redacted form and the fingerprint appear.
 */
export function describeFinding(f: ReportedFinding): string {
  const what = f.kind === "moltbook_api_key" ? "Moltbook API key" : "Moltbook developer key";
  const how = f.encoding === "plain" ? "" : ` (${f.encoding}-encoded)`;
  const where = f.commit ? ` in commit ${f.commit.slice(0, 12)}` : "";
  const action =
    f.kind === "moltbook_api_key"
      ? "Revoke the key in Moltbook, issue a new one from a secret store, then remove it from the code"
      : "Rotate the developer key in the Moltbook developer console, then remove it from the code";
  return `${what} ${f.redacted}${how} found${where} (${f.fingerprint}). ${action}.`;
}
