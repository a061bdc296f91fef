interface HunkLine {
  text: string;
  old: number | null;
  new: number | null;
}

interface Hunk {
  header: string;
  lines: HunkLine[];
}

function parseHunks(patch: string): Hunk[] {
  const hunks: Hunk[] = [];
  let oldLine = 0;
  let newLine = 0;
  for (const text of patch.split("\n")) {
    const header = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
    if (header) {
      oldLine = Number(header[1]);
      newLine = Number(header[2]);
      hunks.push({ header: text, lines: [] });
      continue;
    }
    const hunk = hunks.at(-1);
    if (!hunk || text.startsWith("\\")) continue;
    if (text.startsWith("+")) hunk.lines.push({ text, old: null, new: newLine++ });
    else if (text.startsWith("-")) hunk.lines.push({ text, old: oldLine++, new: null });
    else hunk.lines.push({ text, old: oldLine++, new: newLine++ });
  }
  return hunks;
}

export interface LocatedLine {
  hunk: number;
  /** GitHub's `diff_hunk`: the hunk from its header down to the commented line. */
  diffHunk: string;
}

/**
 * Where a review comment may go: RIGHT lines are the new file's lines shown in a hunk (added or
 * context), LEFT lines the old file's (removed or context). Anything else is "not part of the
 * diff", which GitHub refuses with a 422.
 */
export function locateReviewLine(patch: string, line: number, side: "LEFT" | "RIGHT"): LocatedLine | null {
  const hunks = parseHunks(patch);
  for (let h = 0; h < hunks.length; h++) {
    const index = hunks[h].lines.findIndex((l) => (side === "RIGHT" ? l.new : l.old) === line);
    if (index >= 0) {
      const shown = hunks[h].lines.slice(0, index + 1).map((l) => l.text);
      return { hunk: h, diffHunk: [hunks[h].header, ...shown].join("\n") };
    }
  }
  return null;
}
