import { closeSync, openSync, readSync } from "node:fs";
import { DiffStreamScanner, type Finding } from "../../detect/index.js";

export interface DiffFileScanResult {
  findings: Finding[];
  bytes: number;
}

/** Chunks of 1 MiB: the diff scanner's cost per write is then negligible, and memory stays flat. */
const CHUNK = 1 << 20;

/**
 * Scans a unified diff stored in a file, read in blocking chunks straight into the diff scanner's
 * own buffer: no copy, nothing allocated per chunk. A stream of unknown length (stdin) goes through
 * scanDiffStream instead.
 */
export function scanDiffFile(path: string, options: { includeRemoved: boolean }): DiffFileScanResult {
  const scanner = new DiffStreamScanner({ includeRemoved: options.includeRemoved });
  const out: DiffFileScanResult = { findings: [], bytes: 0 };
  const fd = openSync(path, "r");
  try {
    for (let n = readSync(fd, scanner.reserve(CHUNK), 0, CHUNK, null); n > 0;) {
      out.bytes += n;
      for (const f of scanner.commit(n)) out.findings.push(f);
      n = readSync(fd, scanner.reserve(CHUNK), 0, CHUNK, null);
    }
  } finally {
    closeSync(fd);
  }
  for (const f of scanner.end()) out.findings.push(f);
  return out;
}
