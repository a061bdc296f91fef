import { realpathSync } from "node:fs";
import { join, resolve } from "node:path";
import { renderReport, type Format } from "../report/render-report.js";
import type { ScanReport } from "../report/scan-report.js";
import { skippedReason } from "../report/skipped-reason.js";
import { EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS } from "./exit-codes.js";
import { IGNORE_FILE, loadIgnoreList } from "./ignore-list.js";
import { packageVersion } from "./package-version.js";
import { createProgress } from "./progress-bar.js";
import { isTerminal, writeStderr, writeStdout } from "./std-out.js";
import type { SourceOutcome } from "./source-outcome.js";

export interface ScanOptions {
  format: Format;
  /** Honour .gitignore (false with --no-ignore). */
  ignore: boolean;
  ignoreFile?: string;
  maxFileSize: number;
  diff: boolean;
  includeRemoved: boolean;
  staged: boolean;
  history?: true | string;
  progress: boolean;
  /** Ask Moltbook what each found key is now (scan --verify). */
  verify: boolean;
}

/**
 * `moltbook-guard scan`: pick the source, drop findings whose fingerprint an ignore file lists, render,
 * and return the exit code (0 clean, 1 findings). Errors are thrown, one line each, for the caller.
 */
export async function runScan(args: string[], options: ScanOptions): Promise<number> {
  const modes = [
    options.diff && "--diff",
    options.staged && "--staged",
    options.history && "--history",
  ].filter(Boolean);
  if (modes.length > 1) {
    throw new Error(`${modes.join(" and ")} cannot be combined. To resolve, run one scan per mode.`);
  }
  const started = Date.now(); // not performance.now(): the global loads perf_hooks, ~1 ms of start-up
  // Checked before scanning: a long history scan should not end in "cannot verify".
  const verify = options.verify ? (await import("./verify-findings.js")).verifierFromEnv(process.env) : null;
  // The explicit list, or the one in the current directory, is read first: a mistake in it fails fast.
  const ignored = loadIgnoreList(ignoreFiles(options.ignoreFile, []), options.ignoreFile !== undefined);
  const showProgress = options.progress && isTerminal(2);
  const progress = await createProgress(showProgress, options.history ? "commits" : "files");
  let outcome: SourceOutcome;
  try {
    // Each source is loaded only when used: start-up time is most of a pre-commit hook's run.
    if (options.diff) {
      const { scanDiffs } = await import("./scan-diffs.js");
      outcome = await scanDiffs(args, options.includeRemoved);
    } else if (options.staged || options.history) {
      const { scanGit } = await import("./scan-git.js");
      outcome = await scanGit(args, {
        history: options.history,
        includeRemoved: options.includeRemoved,
        progress,
        countFirst: showProgress,
      });
    } else {
      const { scanPaths } = await import("./scan-paths.js");
      outcome = await scanPaths(args.length ? args : ["."], {
        gitignore: options.ignore,
        maxFileSize: options.maxFileSize,
        progress,
        countFirst: showProgress,
      });
    }
  } finally {
    progress.stop();
  }
  if (options.ignoreFile === undefined) {
    for (const [fp, why] of loadIgnoreList(ignoreFiles(undefined, outcome.roots), false))
      ignored.set(fp, why);
  }
  let findings = outcome.findings.filter((f) => !ignored.has(f.fingerprint));
  const ms = Date.now() - started; // the scan's own time, not the lookups' that may follow
  let verifyError: string | null = null;
  if (verify) {
    try {
      findings = await verify(findings);
    } catch (error) {
      // The findings are printed all the same, unverified: a failed lookup must not hide a leak.
      verifyError = (error as Error).message;
    }
  }
  const report: ScanReport = {
    findings,
    stats: {
      ...outcome.stats,
      ms,
      ignored: outcome.findings.length - findings.length,
    },
  };
  for (const s of report.stats.skipped) writeStderr(`moltbook-guard: ${skippedReason(s)}\n`);
  // Only text has colour; asking a terminal about it is skipped for the other formats.
  const color = options.format === "text" && useColor();
  writeStdout(renderReport(report, options.format, { color, version: packageVersion() }));
  if (verifyError !== null) {
    writeStderr(`moltbook-guard: the keys found could not be verified: ${verifyError}\n`);
    return EXIT_ERROR;
  }
  return findings.length ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** --ignore-file alone if given; otherwise `.moltbook-guard-ignore` in the current directory and each scanned root. */
function ignoreFiles(explicit: string | undefined, roots: string[]): string[] {
  if (explicit !== undefined) return [resolve(explicit)];
  const seen = new Set<string>();
  for (const dir of [process.cwd(), ...roots]) {
    let real = dir;
    try {
      real = realpathSync(dir);
    } catch {
      // Keep the path as given; loadIgnoreList skips a missing file.
    }
    seen.add(join(real, IGNORE_FILE));
  }
  return [...seen];
}

function useColor(): boolean {
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== "0") return true;
  if (process.env.NO_COLOR) return false;
  return isTerminal(1) && process.stdout.hasColors();
}
