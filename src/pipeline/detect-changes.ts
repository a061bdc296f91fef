import { scanBuffer, scanDiff, scanText, type Finding } from "../detect/index.js";
import type { ChangedText } from "../sources/github/changed-text.js";

/**
 * Runs the detector over every changed text. GitHub's `patch` is a bare list of hunks, so it gets
 * the file headers the diff parser expects, which also gives each finding its path and its line in
 * the new file.
 */
export function detectChanges(texts: ChangedText[]): Finding[] {
  const findings: Finding[] = [];
  for (const t of texts) {
    for (const f of detectOne(t)) findings.push(t.commit ? { ...f, commit: t.commit } : f);
  }
  return findings;
}

function detectOne(t: ChangedText): Finding[] {
  if (typeof t.text !== "string") return scanBuffer(t.text, { path: t.path });
  if (t.kind === "patch") return scanDiff(`--- a/${t.path}\n+++ b/${t.path}\n${t.text}\n`);
  return scanText(t.text, { path: t.path });
}
