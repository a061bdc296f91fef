import type { ChangeSet } from "./changed-text.js";

export function mergeChangeSets(sets: ChangeSet[]): ChangeSet {
  return {
    texts: sets.flatMap((s) => s.texts),
    skipped: sets.flatMap((s) => s.skipped),
    commits: sets.flatMap((s) => s.commits),
  };
}
