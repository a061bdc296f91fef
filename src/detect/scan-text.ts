import type { Finding } from "./finding.js";
import { scanUtf8 } from "./scan-buffer.js";

export interface ScanTextOptions {
  path?: string;
}

/** Finds keys in text; lines are 1-based, columns 1-based in characters (code points). */
export function scanText(text: string, options: ScanTextOptions = {}): Finding[] {
  return scanUtf8(Buffer.from(text, "utf8"), options.path ?? "");
}
