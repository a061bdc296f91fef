import type { SkippedFile } from "./scan-report.js";
import { formatBytes } from "./format-bytes.js";

/** Why a file was not scanned and how to get it scanned, in one line. */
export function skippedReason(s: SkippedFile): string {
  if (s.reason === "too-large") {
    return (
      `${s.path} was not scanned: ${formatBytes(s.bytes)} is over --max-file-size ${formatBytes(s.limit ?? 0)}. ` +
      "To resolve, raise --max-file-size (0 means no limit)."
    );
  }
  return `${s.path} was not scanned: ${s.detail ?? "it could not be read"}. To resolve, check its permissions.`;
}
