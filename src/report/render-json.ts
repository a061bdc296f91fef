import type { ScanReport } from "./scan-report.js";

/**
 * The fixed JSON shape other tools parse. Fields are picked one by one so that nothing added to
 * `Finding` later (least of all the secret) can reach the output by accident.
 */
export function renderJson(report: ScanReport): string {
  const findings = report.findings.map((f) => ({
    path: f.path,
    line: f.line,
    column: f.column,
    kind: f.kind,
    encoding: f.encoding,
    fingerprint: f.fingerprint,
    redacted: f.redacted,
    ...(f.commit ? { commit: f.commit } : {}),
    // Only with --verify: the shape without it stays as it was.
    ...(f.status ? { status: f.status } : {}),
  }));
  const { files, bytes, ms, ...extra } = report.stats;
  return `${JSON.stringify({ findings, stats: { files, bytes, ms, ...extra } }, null, 2)}\n`;
}
