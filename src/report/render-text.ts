import { styleText } from "node:util";
import type { ReportedFinding, ScanReport, VerifiedStatus } from "./scan-report.js";
import { formatBytes } from "./format-bytes.js";

export interface TextOptions {
  /** Colour the output (the caller decides: a TTY that has colours, NO_COLOR unset). */
  color: boolean;
}

type Style = Parameters<typeof styleText>[0];

/** One line per finding (`path:line:col  kind  redacted  fingerprint`), then a summary and what to do. */
export function renderText(report: ScanReport, options: TextOptions): string {
  // The caller has decided about colour; newer Node versions would otherwise re-check process.stdout.
  const paint = (style: Style, s: string) =>
    options.color ? styleText(style, s, { validateStream: false }) : s;
  const lines = report.findings.map((f) => findingLine(f, paint));
  const { stats } = report;
  const n = report.findings.length;
  const extras = [
    stats.commits !== undefined ? plural(stats.commits, "commit") : "",
    stats.binary ? `${stats.binary} binary skipped` : "",
    stats.skipped.length ? `${stats.skipped.length} too large or unreadable skipped` : "",
    stats.ignored ? `${stats.ignored} ignored by fingerprint` : "",
    ...verifiedCounts(report.findings),
  ].filter(Boolean);
  // Staged changes and histories are read as one git stream, not as files: show their bytes only.
  const files = stats.files === 0 && stats.bytes > 0 ? "" : `${plural(stats.files, "file")}, `;
  const scanned = `${files}${formatBytes(stats.bytes)} in ${Math.round(stats.ms)} ms`;
  const summary =
    n === 0
      ? paint("green", `No Moltbook keys found (${[scanned, ...extras].join(", ")}).`)
      : paint("red", `${n} Moltbook key${n === 1 ? "" : "s"} found (${[scanned, ...extras].join(", ")}).`);
  lines.push(summary);
  if (n > 0) {
    lines.push(
      "To resolve, revoke each key in Moltbook, replace it with one read from a secret store, and remove it " +
        "from the code (and history). To accept a finding, add its fingerprint and a reason to .moltbook-guard-ignore.",
    );
  }
  return `${lines.join("\n")}\n`;
}

function findingLine(f: ReportedFinding, paint: (style: Style, s: string) => string): string {
  const where = paint("bold", `${f.path}:${f.line}:${f.column}`);
  const encoding = f.encoding === "plain" ? "" : `  (${f.encoding})`;
  const commit = f.commit ? `  commit ${paint("yellow", f.commit.slice(0, 12))}` : "";
  const status = f.status ? `  ${statusLabel(f.status, paint)}` : "";
  return `${where}  ${paint("red", f.kind)}  ${f.redacted}${status}  ${paint("dim", f.fingerprint)}${encoding}${commit}`;
}

/** A live key shouts: it is the one to revoke first. */
function statusLabel(status: VerifiedStatus, paint: (style: Style, s: string) => string): string {
  if (status === "active") return paint("bold", paint("red", "ACTIVE"));
  return paint("dim", statusWord(status));
}

function statusWord(status: VerifiedStatus): string {
  return status === "unknown" ? "status unknown" : status;
}

/** With --verify, how many keys Moltbook reported in each state, for the summary line. */
function verifiedCounts(findings: readonly ReportedFinding[]): string[] {
  const counts = new Map<VerifiedStatus, number>();
  for (const f of findings) if (f.status) counts.set(f.status, (counts.get(f.status) ?? 0) + 1);
  const order: VerifiedStatus[] = ["active", "revoked", "expired", "unknown"];
  return order.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${statusWord(s)}`);
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
