/**
 * Counts what `walk()` yields, so that a progress bar can show its total before the scan starts.
 * Up to `keep` of the items are kept and handed back for the scan; for more than that, `walk()` is
 * run a second time instead, so memory stays flat whatever the size of the tree.
 */
export function countFirst<T>(walk: () => Iterable<T>, keep: number): { total: number; items: Iterable<T> } {
  let kept: T[] | null = [];
  let total = 0;
  for (const item of walk()) {
    total++;
    if (kept && kept.push(item) > keep) kept = null;
  }
  return { total, items: kept ?? walk() };
}
