/** Where a hunk is: the line numbers the next new/old line will have, and how many are left. */
export interface Hunk {
  newNext: number;
  oldNext: number;
  newLeft: number;
  oldLeft: number;
}

const HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Parses the `@@ -a,b +c,d @@` line at `at`, or null if it is not one. */
export function parseHunkHeader(data: Buffer, at: number): Hunk | null {
  const end = data.indexOf(10, at);
  const m = HEADER.exec(data.toString("latin1", at, end < 0 ? Math.min(data.length, at + 200) : end));
  if (!m) return null;
  return {
    oldNext: Number(m[1]),
    oldLeft: m[2] === undefined ? 1 : Number(m[2]),
    newNext: Number(m[3]),
    newLeft: m[4] === undefined ? 1 : Number(m[4]),
  };
}

/**
 * Moves the hunk past one line that starts with byte `c`. False when the line cannot belong to the
 * hunk (its counts are used up, or it is not a hunk line), which ends the hunk.
 */
export function consumeHunkLine(h: Hunk, c: number): boolean {
  switch (c) {
    case 0x2b: // +
      if (h.newLeft <= 0) return false;
      h.newNext++;
      h.newLeft--;
      return true;
    case 0x2d: // -
      if (h.oldLeft <= 0) return false;
      h.oldNext++;
      h.oldLeft--;
      return true;
    case 0x20: // context; some tools strip the space from empty context lines
    case 0x0a:
    case 0x0d:
      if (h.newLeft <= 0 || h.oldLeft <= 0) return false;
      h.newNext++;
      h.newLeft--;
      h.oldNext++;
      h.oldLeft--;
      return true;
    case 0x5c: // "\ No newline at end of file"
      return true;
    default:
      return false;
  }
}
