import type { Readable } from "node:stream";
import { coalesceChunks } from "./coalesce-chunks.js";
import { isProbablyBinary, StreamScanner, type Finding } from "../../detect/index.js";

export interface ReadableScanResult {
  findings: Finding[];
  bytes: number;
  binary: boolean;
}

/**
 * Scans a stream of unknown length (stdin) chunk by chunk, so memory stays flat however much is
 * piped in. If the first chunk looks binary, the rest is drained unread and the input is counted as binary.
 */
export async function scanReadable(
  input: Readable,
  path: string,
  onProgress?: (bytes: number) => void,
): Promise<ReadableScanResult> {
  const scanner = new StreamScanner({ path });
  const out: ReadableScanResult = { findings: [], bytes: 0, binary: false };
  let first = true;
  for await (const chunk of coalesceChunks(input)) {
    out.bytes += chunk.length;
    onProgress?.(chunk.length);
    if (first && isProbablyBinary(chunk)) out.binary = true;
    first = false;
    if (out.binary) continue;
    for (const f of scanner.write(chunk)) out.findings.push(f);
  }
  if (!out.binary) for (const f of scanner.end()) out.findings.push(f);
  return out;
}
