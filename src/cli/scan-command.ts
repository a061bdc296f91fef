import { Command, Option } from "commander";
import { FORMATS, type Format } from "../report/render-report.js";
import { parseSize } from "./parse-size.js";
import { runScan } from "./run-scan.js";

const DEFAULT_MAX_FILE_SIZE = "10MB";

interface RawScanOptions {
  format: Format;
  ignore: boolean;
  ignoreFile?: string;
  maxFileSize: number;
  diff?: boolean;
  includeRemoved?: boolean;
  staged?: boolean;
  history?: true | string;
  progress: boolean;
  verify?: boolean;
}

/** `moltbook-guard scan`: argument parsing only; the work is in runScan. */
export function scanCommand(): Command {
  return new Command("scan")
    .summary("find Moltbook keys in files, diffs, staged changes or git history")
    .description(
      "Find Moltbook keys in files and directories (PATH, default .; - for stdin), in a unified diff " +
        "(--diff), in what is staged for commit (--staged) or in a repository's history (--history).\n" +
        "Exit status: 0 no findings, 1 findings, 2 usage or runtime error.",
    )
    .argument(
      "[paths...]",
      "files and directories to scan, - for stdin; with --diff, diff files; with --staged or --history, the repository",
    )
    .addOption(new Option("-f, --format <format>", "output format").choices(FORMATS).default("text"))
    .option("--no-ignore", "also scan files that .gitignore excludes")
    .option(
      "--ignore-file <path>",
      "fingerprints to ignore, one per line with a reason (default: .moltbook-guard-ignore in . and each scanned root)",
    )
    .option(
      "--max-file-size <size>",
      "skip and report files larger than this (0 for no limit)",
      parseSize,
      parseSize(DEFAULT_MAX_FILE_SIZE),
    )
    .option("--diff", "read unified diffs (from the files given, or stdin)")
    .option("--include-removed", "with --diff or --staged, also report keys on removed lines")
    .option("--staged", "scan what `git commit` would record (for pre-commit hooks)")
    .option(
      "--history [range]",
      "scan every commit reachable from any ref, or those in RANGE (e.g. main..HEAD)",
    )
    .option("--no-progress", "never show the progress bar (it shows only when stderr is a terminal)")
    .option(
      "--verify",
      "ask Moltbook whether each key found is active, revoked or expired (by fingerprint; needs MOLTBOOK_ADMIN_KEY)",
    )
    .action(async (paths: string[], raw: RawScanOptions) => {
      process.exitCode = await runScan(paths, {
        format: raw.format,
        ignore: raw.ignore,
        ignoreFile: raw.ignoreFile,
        maxFileSize: raw.maxFileSize,
        diff: raw.diff ?? false,
        includeRemoved: raw.includeRemoved ?? false,
        staged: raw.staged ?? false,
        history: raw.history,
        progress: raw.progress,
        verify: raw.verify ?? false,
      });
    });
}
