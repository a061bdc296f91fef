import { createHash } from "node:crypto";
import { fingerprint, SecretValue, type Finding } from "../../src/detect/index.js";
import type { ScanReport } from "../../src/report/scan-report.js";

// Deterministic keys for golden files, derived at run time so no key-shaped literal is in the tree.
function goldenKey(seed: string): string {
  return "moltbook_" + "sk_" + createHash("sha256").update(seed).digest("base64url").slice(0, 32);
}

function finding(seed: string, extra: Partial<Finding>): Finding {
  const key = goldenKey(seed);
  const secret = new SecretValue(key);
  return {
    kind: "moltbook_api_key",
    path: "src/app.py",
    line: 1,
    column: 1,
    encoding: "plain",
    fingerprint: fingerprint(key),
    redacted: secret.redacted,
    secret,
    ...extra,
  };
}

/** A report touching every field a renderer shows: encodings, commits, odd paths, a skipped file. */
export function sampleReport(): { report: ScanReport; keys: string[] } {
  const findings = [
    finding("one", { path: "src/app.py", line: 12, column: 15 }),
    finding("two", { path: "config/a,b:c %.env", line: 3, column: 1, encoding: "base64" }),
    finding("three", {
      path: "(commit message)",
      line: 2,
      column: 7,
      commit: "0123456789abcdef0123456789abcdef01234567",
    }),
  ];
  const report: ScanReport = {
    findings,
    stats: {
      files: 42,
      bytes: 123456,
      ms: 17,
      binary: 2,
      ignored: 1,
      skipped: [{ path: "data/dump.sql", reason: "too-large", bytes: 25_000_000, limit: 10_000_000 }],
    },
  };
  return { report, keys: ["one", "two", "three"].map(goldenKey) };
}

export function emptyReport(): ScanReport {
  return { findings: [], stats: { files: 3, bytes: 900, ms: 2, binary: 0, ignored: 0, skipped: [] } };
}

/** The sample as `scan --verify` leaves it: Moltbook's answer on every finding, one of each. */
export function verifiedReport(): { report: ScanReport; keys: string[] } {
  const { report, keys } = sampleReport();
  const statuses = ["active", "revoked", "unknown"] as const;
  const findings = report.findings.map((f, i) => ({ ...f, status: statuses[i] }));
  const expired = {
    ...finding("four", { path: "src/old.ts", line: 9, column: 3 }),
    status: "expired" as const,
  };
  return { report: { ...report, findings: [...findings, expired] }, keys: [...keys, goldenKey("four")] };
}
