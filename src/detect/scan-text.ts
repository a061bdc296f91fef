import { ChunkedScanner } from "./chunked-scanner.js";
import type { Finding } from "./finding.js";
import { LineLocator } from "./line-locator.js";

export interface ScanTextOptions {
  path?: string;
}

/** Finds keys in text; lines are 1-based, columns 1-based in characters (code points). */
export function scanText(text: string, options: ScanTextOptions = {}): Finding[] {
  return new ChunkedScanner(new LineLocator(options.path ?? ""), false).scanAll(Buffer.from(text, "utf8"));
}
