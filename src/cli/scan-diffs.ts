import { scanDiffFile } from "../sources/files/scan-diff-file.js";
import { scanDiffStream, type DiffStreamResult } from "../sources/git/scan-diff-stream.js";
import type { SourceOutcome } from "./source-outcome.js";

/**
 * Unified diffs from files, or from stdin (`-` or no argument). Findings take the new file's path and
 * line from the diff's headers; removed lines count only with `includeRemoved`.
 */
export async function scanDiffs(args: string[], includeRemoved: boolean): Promise<SourceOutcome> {
  const inputs = args.length ? args : ["-"];
  if (inputs.includes("-") && process.stdin.isTTY) {
    throw new Error(
      "--diff reads a diff from stdin, but stdin is a terminal. To resolve, pipe a diff in (git diff | moltbook-guard scan --diff) or pass a diff FILE.",
    );
  }
  const out: SourceOutcome = {
    findings: [],
    stats: { files: 0, bytes: 0, binary: 0, skipped: [] },
    roots: [],
  };
  for (const input of inputs) {
    let result: DiffStreamResult;
    try {
      result =
        input === "-"
          ? await scanDiffStream(process.stdin, { includeRemoved })
          : scanDiffFile(input, { includeRemoved });
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      throw new Error(
        `cannot read the diff ${input} (${e.code ?? e.message}). To resolve, pass an existing diff file or - for stdin.`,
        { cause: error },
      );
    }
    out.findings.push(...result.findings);
    out.stats.files++;
    out.stats.bytes += result.bytes;
  }
  return out;
}
