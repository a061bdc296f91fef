import { ChunkedScanner } from "./chunked-scanner.js";
import type { DiffScanOptions } from "./diff-stream-scanner.js";
import { DiffLocator } from "./diff-locator.js";
import type { Finding } from "./finding.js";

/** Finds keys in a whole unified diff (see DiffStreamScanner for what is reported). */
export function scanDiff(diff: string | Uint8Array, options: DiffScanOptions = {}): Finding[] {
  const bytes = typeof diff === "string" ? Buffer.from(diff, "utf8") : diff;
  return new ChunkedScanner(new DiffLocator(options.includeRemoved === true), true).scanAll(bytes);
}
