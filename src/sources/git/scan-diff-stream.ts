import type { Readable } from "node:stream";
import { DiffStreamScanner, type Finding } from "../../detect/index.js";
import { coalesceChunks } from "../files/coalesce-chunks.js";
import { MarkerCounter } from "./count-marker.js";

export interface DiffStreamOptions {
  /** Also report keys on removed lines (a key deleted in a diff was still published before). */
  includeRemoved?: boolean;
  /** Literal text that starts each commit in the stream, to count commits (history only). */
  commitMarker?: string;
  onProgress?: (commits: number, bytes: number) => void;
}

export interface DiffStreamResult {
  findings: Finding[];
  bytes: number;
  commits: number;
}

/**
 * Feeds a unified diff or a `git log -p` stream to the detector's streaming diff parser chunk by
 * chunk: memory holds one chunk and the findings, however long the history. Commits are counted by
 * their marker, which starts with a NUL byte and so is found at memchr speed; file sections are not
 * counted, as a search for their headers cost a sixth of the whole scan.
 */
export async function scanDiffStream(
  input: Readable,
  options: DiffStreamOptions = {},
): Promise<DiffStreamResult> {
  const scanner = new DiffStreamScanner({ includeRemoved: options.includeRemoved ?? false });
  const commits = options.commitMarker ? new MarkerCounter(options.commitMarker) : undefined;
  const out: DiffStreamResult = { findings: [], bytes: 0, commits: 0 };
  for await (const chunk of coalesceChunks(input)) {
    out.bytes += chunk.length;
    const before = commits?.count ?? 0;
    commits?.write(chunk);
    options.onProgress?.((commits?.count ?? 0) - before, chunk.length);
    for (const f of scanner.write(chunk)) out.findings.push(f);
  }
  for (const f of scanner.end()) out.findings.push(f);
  out.commits = commits?.count ?? 0;
  return out;
}
