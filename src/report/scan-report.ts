import type { Finding } from "../detect/index.js";

/** A file the scan did not read, and why; reported on stderr and in JSON stats, never dropped silently. */
export interface SkippedFile {
  path: string;
  reason: "too-large" | "unreadable";
  bytes: number;
  /** For "too-large": the --max-file-size in force. */
  limit?: number;
  /** For "unreadable": the system's error code. */
  detail?: string;
}

export interface ScanStats {
  /** Files read: from disk or stdin, or the diff files given to --diff; 0 for --staged and --history, read as one git stream. */
  files: number;
  /** Bytes read from disk, stdin or git. */
  bytes: number;
  /** Wall-clock milliseconds for the whole scan. */
  ms: number;
  /** Files left out by content: they looked binary. */
  binary: number;
  /** Findings dropped because their fingerprint is in an ignore file. */
  ignored: number;
  /** Commits read by a history scan. */
  commits?: number;
  skipped: SkippedFile[];
}

/**
 * What Moltbook said of a key when the scan was asked to verify (`--verify`): `active`, `revoked` or
 * `expired` for a key in the organisation's inventory; `unknown` for any other key, and for a
 * developer app key, which the API cannot look up.
 */
export type VerifiedStatus = "active" | "revoked" | "expired" | "unknown";

/**
 * A finding as reports see it: everything but the secret. Reports never need the key, and findings
 * made in worker threads arrive without it. `status` is there only when the scan verified its keys.
 */
export type ReportedFinding = Omit<Finding, "secret"> & { status?: VerifiedStatus };

/** What every output format renders: the same findings and figures, whatever the source. */
export interface ScanReport {
  findings: ReportedFinding[];
  stats: ScanStats;
}
