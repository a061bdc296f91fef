import type { Readable } from "node:stream";
import { DiffStreamScanner, type Finding } from "../../detect/index.js";
import { coalesceChunks } from "../files/coalesce-chunks.js";

export interface DiffStreamOptions {
  /** Also report keys on removed lines (a key deleted in a diff was still published before). */
  includeRemoved?: boolean;
}

/** What a diff, staged or history scan found, and how much it read. */
export interface DiffStreamResult {
  findings: Finding[];
  /** Bytes read: of the diff for a diff or staged scan, of the blobs for a history scan. */
  bytes: number;
}

/**
 * Feeds a unified diff stream to the detector's streaming diff parser chunk by chunk: memory holds
 * one chunk and the findings, however long the diff. File sections are not counted, as a search
 * for their headers cost a sixth of the whole scan.
 */
export async function scanDiffStream(
  input: Readable,
  options: DiffStreamOptions = {},
): Promise<DiffStreamResult> {
  const scanner = new DiffStreamScanner({ includeRemoved: options.includeRemoved ?? false });
  const out: DiffStreamResult = { findings: [], bytes: 0 };
  for await (const chunk of coalesceChunks(input)) {
    out.bytes += chunk.length;
    for (const f of scanner.write(chunk)) out.findings.push(f);
  }
  for (const f of scanner.end()) out.findings.push(f);
  return out;
}
