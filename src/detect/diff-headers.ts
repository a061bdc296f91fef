import { lineStart } from "./count-lines.js";
import { diffPath } from "./diff-path.js";

// The header lines of a unified diff, found by searching back from a point rather than by parsing
// every line: `@@ ` can only start a hunk header (hunk lines start with ` `, `+`, `-` or `\`), and
// a file header (`--- `/`+++ `) sits right above the first hunk header of its file.

export const HUNK = Buffer.from("@@ ");
export const NEW_FILE = Buffer.from("+++ ");
const OLD_FILE = Buffer.from("--- ");

export function startsWith(data: Buffer, at: number, what: Buffer): boolean {
  return (
    at >= 0 &&
    at + what.length <= data.length &&
    data.compare(what, 0, what.length, at, at + what.length) === 0
  );
}

/**
 * Start of the last `@@ ` line in [lo, hi). Searches back for `@` with memrchr: `@` is rare in code,
 * and a multi-byte search backwards is several times slower.
 */
export function lastHunkHeader(data: Buffer, lo: number, hi: number): number {
  const view = data.subarray(lo, hi);
  for (let i = view.lastIndexOf(0x40); i >= 0; i = i > 0 ? view.lastIndexOf(0x40, i - 1) : -1) {
    if (view[i + 1] === 0x40 && view[i + 2] === 0x20 && (i === 0 || view[i - 1] === 10)) return lo + i;
  }
  return -1;
}

/**
 * The `+++ ` line right above the hunk header at `hunk` (so the first hunk of its file), with its
 * `--- ` line above it when that is still in the buffer; or -1. An added line `++…` followed by a
 * hunk header is not taken for one because of that `--- ` line.
 */
function fileHeaderAbove(data: Buffer, hunk: number, lo: number): number {
  if (hunk - 1 < lo) return -1;
  const f = lineStart(data, hunk - 1, lo);
  if (!startsWith(data, f, NEW_FILE)) return -1;
  return f === 0 || startsWith(data, lineStart(data, f - 1, 0), OLD_FILE) ? f : -1;
}

/**
 * The last file header (`+++ ` line) in [lo, hi): file headers sit right above the first hunk
 * header of their file, so walk the hunk headers back from `hi` (a line start, maybe a hunk header
 * itself) and look just above each.
 */
export function lastFileHeader(data: Buffer, lo: number, hi: number): number {
  if (startsWith(data, hi, HUNK)) {
    const f = fileHeaderAbove(data, hi, lo);
    if (f >= 0) return f;
  }
  for (let h = lastHunkHeader(data, lo, hi); h >= 0; h = lastHunkHeader(data, lo, h)) {
    const f = fileHeaderAbove(data, h, lo);
    if (f >= 0) return f;
  }
  return -1;
}

/** The new and old paths of the file header whose `+++ ` line is at `at`. */
export function filePaths(data: Buffer, at: number): { path: string; oldPath: string } {
  const before = lineStart(data, at - 1, 0);
  const oldPath =
    (startsWith(data, before, OLD_FILE) && diffPath(data.subarray(before + 4, at - 1), "a/")) || "";
  return { path: diffPath(data.subarray(at + 4, data.indexOf(10, at)), "b/") ?? oldPath, oldPath };
}
