import type { ReportedFinding, ScanReport } from "./scan-report.js";
import { describeFinding } from "./describe-finding.js";
import { skippedReason } from "./skipped-reason.js";

/**
 * GitHub Actions workflow commands: one `::error` annotation per finding, shown on the diff of a
 * pull request. Escaping follows the runner's rules (`%`, CR, LF everywhere; `:` and `,` in properties).
 */
export function renderGithub(report: ScanReport): string {
  const errors = report.findings.map((f) => `${annotation(f)}\n`);
  // Files the scan could not read are warnings, so a skipped file is seen on the run, not lost.
  const warnings = report.stats.skipped.map(
    (s) =>
      `::warning file=${escapeProperty(s.path)},title=${escapeProperty("Not scanned")}::` +
      `${escapeData(skippedReason(s))}\n`,
  );
  return [...errors, ...warnings].join("");
}

function annotation(f: ReportedFinding): string {
  const title = f.kind === "moltbook_api_key" ? "Moltbook API key" : "Moltbook developer key";
  const props = [`file=${f.path}`, `line=${f.line}`, `col=${f.column}`, `title=${title}`]
    .map((p) => {
      const at = p.indexOf("=");
      return `${p.slice(0, at)}=${escapeProperty(p.slice(at + 1))}`;
    })
    .join(",");
  return `::error ${props}::${escapeData(describeFinding(f))}`;
}

function escapeData(s: string): string {
  return s.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

function escapeProperty(s: string): string {
  return escapeData(s).replaceAll(":", "%3A").replaceAll(",", "%2C");
}
