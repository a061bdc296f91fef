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
  const { encoding, bom } = sniffEncoding(buf);
  const bytes = bom ? buf.subarray(bom) : buf;
  if (encoding === "utf-8") return scanUtf8(bytes, options.path ?? "");
  const decoder = new Utf16ToUtf8(encoding);
  const decoded = Buffer.concat([decoder.push(bytes), decoder.end()]);
  return new ChunkedScanner(new LineLocator(options.path ?? ""), false).scanAll(decoded);
}

/**
 * Keys in UTF-8 bytes held whole. Most inputs hold no needle that can start a key: one pass over the
 * bytes, then nothing else is set up.
 */
export function scanUtf8(bytes: Uint8Array, path: string): Finding[] {
  const from = firstNeedle(bytes, 0, bytes.length, startsKeyInFile);
  if (from === -1) return [];
  return new ChunkedScanner(new LineLocator(path), false).scanAll(bytes, from);
}

/** With the same window the full scan gives each needle (see findKeyHits). */
function startsKeyInFile(data: Uint8Array, at: number, needle: number): boolean {
  return canStartKey(data, at, needle, Math.min(data.length, at + HOLD));
}
