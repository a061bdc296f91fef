import { isProsePath } from "../act/render/location-url.js";
import type { Finding } from "../detect/index.js";
import type { ScanPolicy } from "./scan-policy.js";

/**
 * Drops findings on ignored paths and keys marked as false positives (in the config, or by an
 * `ignore` command recorded in the store). Prose such as "(commit message)" has no path to ignore.
 */
export function filterFindings(
  findings: Finding[],
  policy: ScanPolicy,
  ignoredByCommand: ReadonlySet<string>,
): Finding[] {
  return findings.filter(
    (f) =>
      (isProsePath(f.path) || !policy.matchesIgnoredPath(f.path)) &&
      !policy.ignoredFingerprints.has(f.fingerprint) &&
      !ignoredByCommand.has(f.fingerprint),
  );
}
