const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/**
 * The text of the line numbered `line` in the new file, if a GitHub patch adds it. Review
 * comments can only sit on lines of the diff, and a suggestion must replace the line exactly.
 */
export function addedLineText(patch: string, line: number): string | null {
  let next = 0;
  for (const raw of patch.split("\n")) {
    const hunk = HUNK.exec(raw);
    if (hunk) {
      next = Number(hunk[1]);
      continue;
    }
    if (next === 0 || raw.startsWith("\\")) continue;
    if (raw.startsWith("-")) continue;
    if (next === line) return raw.startsWith("+") ? raw.slice(1).replace(/\r$/, "") : null;
    next++;
  }
  return null;
}
