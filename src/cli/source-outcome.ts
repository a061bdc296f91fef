import type { ReportedFinding, ScanStats } from "../report/scan-report.js";

/** What one kind of source (paths, diffs, staged changes, history) hands back before filtering and timing. */
export interface SourceOutcome {
  findings: ReportedFinding[];
  stats: Omit<ScanStats, "ms" | "ignored">;
  /** Directories whose `.moltbook-guard-ignore` applies (the scanned roots). */
  roots: string[];
}
