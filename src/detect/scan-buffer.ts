import { ChunkedScanner } from "./chunked-scanner.js";
import { firstNeedle } from "./find-needles.js";
import type { Finding } from "./finding.js";
import { LineLocator } from "./line-locator.js";
import { sniffEncoding, Utf16ToUtf8 } from "./text-encoding.js";

export interface ScanBufferOptions {
  path?: string;
}

/**
 * Finds keys in a file's raw bytes: UTF-8 (with or without BOM, invalid sequences tolerated, CRLF
 * or LF) or UTF-16 LE/BE with a BOM. Columns count characters, not bytes.
 */
export function scanBuffer(buf: Uint8Array, options: ScanBufferOptions = {}): Finding[] {
  const { encoding, bom } = sniffEncoding(buf);
  let bytes: Uint8Array = bom ? buf.subarray(bom) : buf;
  let from = 0;
  if (encoding === "utf-8") {
    // Most files hold no needle at all: one pass over the bytes, then nothing else to set up.
    from = firstNeedle(bytes, 0, bytes.length);
    if (from === -1) return [];
  } else {
    const decoder = new Utf16ToUtf8(encoding);
    bytes = Buffer.concat([decoder.push(bytes), decoder.end()]);
  }
  return new ChunkedScanner(new LineLocator(options.path ?? ""), false).scanAll(bytes, from);
}
