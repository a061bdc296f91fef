import { ChunkedScanner } from "./chunked-scanner.js";
import { firstNeedle } from "./find-needles.js";
import type { Finding } from "./finding.js";
import { LineLocator } from "./line-locator.js";
import { canStartKey } from "./match-candidate.js";
import { HOLD } from "./scan-window.js";
import { sniffEncoding, Utf16ToUtf8 } from "./text-encoding.js";

export interface ScanBufferOptions {
  path?: string;
}

/**
 * Finds keys in a file's raw bytes: UTF-8 (with or without BOM, invalid sequences tolerated, CRLF
 * or LF) or UTF-16 LE/BE with a BOM. Columns count characters, not bytes.
 */
export function scanBuffer(buf: Uint8Array, options: ScanBufferOptions = {}): Finding[] {
  const from = scanStart(buf);
  if (from === -1) return [];
  const { encoding, bom } = sniffEncoding(buf);
  let bytes: Uint8Array = buf.subarray(bom);
  if (encoding !== "utf-8") {
    const decoder = new Utf16ToUtf8(encoding);
    bytes = Buffer.concat([decoder.push(bytes), decoder.end()]);
  }
  return new ChunkedScanner(new LineLocator(options.path ?? ""), false).scanAll(bytes, from);
}

/**
 * Where in `buf` (after its BOM) a scan must start, or -1 when it holds no key: most files hold no
 * needle that can start one, and then one pass over the bytes is all they cost. UTF-16 is always
 * scanned from 0.
 */
function scanStart(buf: Uint8Array): number {
  const { encoding, bom } = sniffEncoding(buf);
  if (encoding !== "utf-8") return 0;
  const from = firstNeedle(buf, bom, buf.length, startsKeyInFile);
  return from === -1 ? -1 : from - bom;
}

function startsKeyInFile(data: Uint8Array, at: number, needle: number): boolean {
  return canStartKey(data, at, needle, Math.min(data.length, at + HOLD));
}
