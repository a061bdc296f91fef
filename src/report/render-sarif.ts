import type { FindingKind } from "../detect/index.js";
import type { ReportedFinding, ScanReport } from "./scan-report.js";
import { describeFinding } from "./describe-finding.js";
import { skippedReason } from "./skipped-reason.js";

export interface SarifOptions {
  /** The tool's version, shown by code scanning next to each alert. */
  version: string;
}

interface Rule {
  id: FindingKind;
  name: string;
  short: string;
  full: string;
  help: string;
  severity: string;
}

// One rule per finding kind, in a fixed order so that `ruleIndex` stays stable across runs.
const RULES: readonly Rule[] = [
  {
    id: "moltbook_api_key",
    name: "MoltbookApiKey",
    short: "Moltbook API key",
    full: "A Moltbook API key (moltbook_sk_…) is committed. Anyone who can read it can act as its agent.",
    help:
      "Revoke the key in Moltbook (the Moltbook Guard app does this automatically), issue a new one from a " +
      "secret store, and remove the literal from the code. If the finding is intended, add its fingerprint " +
      "with a reason to .moltbook-guard-ignore.",
    severity: "9.1",
  },
  {
    id: "moltbook_dev_key",
    name: "MoltbookDeveloperKey",
    short: "Moltbook developer key",
    full: "A Moltbook developer app key (moltdev_…) is committed.",
    help:
      "Rotate the developer key in the Moltbook developer console and remove the literal from the code. " +
      "If the finding is intended, add its fingerprint with a reason to .moltbook-guard-ignore.",
    severity: "7.5",
  },
];

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: `tool.driver` with rules, and per result a rule,
 * a level, a message, one physical location and a position-independent partial fingerprint (the
 * key's own), so moving a key keeps its alert.
 */
export function renderSarif(report: ScanReport, options: SarifOptions): string {
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "moltbook-guard",
            semanticVersion: options.version,
            version: options.version,
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: r.short },
              fullDescription: { text: r.full },
              help: { text: r.help },
              defaultConfiguration: { level: "error" },
              properties: {
                tags: ["security", "secret"],
                "security-severity": r.severity,
                precision: "high",
              },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            // Files left unread are notifications, so a skipped file shows in the log, not nowhere.
            toolExecutionNotifications: report.stats.skipped.map((s) => ({
              level: "warning",
              message: { text: skippedReason(s) },
              locations: [{ physicalLocation: { artifactLocation: artifactLocation(s.path) } }],
            })),
          },
        ],
        columnKind: "utf16CodeUnits",
        results: report.findings.map(result),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function result(f: ReportedFinding) {
  const ruleIndex = RULES.findIndex((r) => r.id === f.kind);
  return {
    ruleId: f.kind,
    ruleIndex,
    level: "error",
    message: { text: describeFinding(f) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(f.path),
          region: { startLine: f.line, startColumn: f.column },
        },
      },
    ],
    partialFingerprints: { "moltbookKeyFingerprint/v1": f.fingerprint },
    properties: {
      encoding: f.encoding,
      redacted: f.redacted,
      ...(f.commit ? { commit: f.commit } : {}),
      ...(f.status ? { status: f.status } : {}),
    },
  };
}

// Relative paths resolve against the checkout (%SRCROOT%), as code scanning expects; absolute ones
// (a scan of a path outside the current directory) become file: URIs.
function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  const uri = path.split("/").map(encodeURIComponent).join("/");
  return path.startsWith("/") ? { uri: `file://${uri}` } : { uri, uriBaseId: "%SRCROOT%" };
}
