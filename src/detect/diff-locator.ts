import { countChars } from "./count-chars.js";
import { countLines, lineStart } from "./count-lines.js";
import { consumeHunkLine, parseHunkHeader, type Hunk } from "./diff-hunk.js";
import { filePaths, HUNK, lastFileHeader, lastHunkHeader, NEW_FILE, startsWith } from "./diff-headers.js";
import { COMMIT_MESSAGE_PATH, COMMIT_START } from "./git-log-format.js";
import type { Locator, Place } from "./locator.js";

type Kind = "added" | "removed" | "context" | "message" | "other";
interface LineInfo {
  kind: Kind;
  /** New-file line for added and context lines, old-file line for removed ones, message line. */
  line: number;
}

const OTHER: LineInfo = { kind: "other", line: 0 };
/** A line longer than this may be cut between chunks; shorter ones (every header) never are. */
const MAX_LINE_CARRY = 1 << 16;
/** How far back a stream keeps the text from the last hunk header, rather than count its lines. */
const MAX_HUNK_CARRY = 1 << 18;

function markerWidth(info: LineInfo): number {
  return info.kind === "added" || info.kind === "removed" || info.kind === "context" ? 1 : 0;
}

/**
 * Places hits in a unified diff or in `git log -p --format=GIT_LOG_FORMAT` output without parsing
 * every line: for a hit, it searches back for the last commit, `+++` and `@@` headers, and counts
 * lines only from the hunk header (or from its last stop) to the hit. Added lines get the new
 * file's path and line; removed lines (when wanted) the old file's; lines in a commit message the
 * path "(commit message)" and the line within the message.
 */
export class DiffLocator implements Locator {
  readonly #includeRemoved: boolean;
  // What is known at the base point #off: context for the first line starting at or after it.
  #commit: string | undefined;
  #inMessage = false;
  #messageNext = 1;
  #path = "";
  #oldPath = "";
  #hunk: Hunk | null = null;
  #off = 0;
  /** Set when #off is inside a line (which is already consumed): that line and its column at #off. */
  #mid: { info: LineInfo; col: number } | null = null;

  constructor(includeRemoved: boolean) {
    this.#includeRemoved = includeRemoved;
  }

  locate(data: Buffer, at: number): Place | null {
    const { info, col } = this.#lineOf(data, at);
    const commit = this.#commit === undefined ? {} : { commit: this.#commit };
    switch (info.kind) {
      case "added":
        return { path: this.#path, line: info.line, column: col + 1, ...commit };
      case "removed":
        if (!this.#includeRemoved) return null;
        return { path: this.#oldPath || this.#path, line: info.line, column: col + 1, ...commit };
      case "message":
        return { path: COMMIT_MESSAGE_PATH, line: info.line, column: col + 1, ...commit };
      default:
        return null;
    }
  }

  keepFrom(data: Buffer, want: number): number {
    // Cut at the last hunk header if it is close: a hunk's lines are then counted only if a key
    // turns up in it, since the next header resets the line numbers anyway.
    const hunkAt = lastHunkHeader(data, Math.max(this.#off, want - MAX_HUNK_CARRY), want);
    if (hunkAt > this.#off) return hunkAt;
    const floor = Math.max(0, want - MAX_LINE_CARRY);
    let start = lineStart(data, want, floor);
    if (start === floor && floor > 0) return want;
    // Keep the `--- ` line with its `+++ ` line: the old path of a deleted file is only there.
    if (startsWith(data, start, NEW_FILE) && start > floor) start = lineStart(data, start - 1, floor);
    return start;
  }

  rebase(data: Buffer, to: number): void {
    if (to > this.#off) {
      const nl = data.subarray(this.#off, to).lastIndexOf(10);
      if (nl < 0) {
        if (this.#mid) this.#mid.col += countChars(data, this.#off, to);
        else this.#mid = this.#enter(data, this.#off, to);
      } else {
        const start = this.#off + nl + 1;
        this.#advance(data, this.#firstLineStart(data), start);
        this.#mid = start < to ? this.#enter(data, start, to) : null;
      }
      this.#off = to;
    }
    this.#off -= to;
  }

  /** The line holding `at` and the column (characters before `at` on it); moves the base there. */
  #lineOf(data: Buffer, at: number): { info: LineInfo; col: number } {
    const nl = at > this.#off ? data.subarray(this.#off, at).lastIndexOf(10) : -1;
    if (nl < 0) {
      if (this.#mid) return { info: this.#mid.info, col: this.#mid.col + countChars(data, this.#off, at) };
      const info = this.#classify(data, this.#off);
      return { info, col: countChars(data, this.#off + markerWidth(info), at) };
    }
    const start = this.#off + nl + 1;
    this.#advance(data, this.#firstLineStart(data), start);
    this.#off = start;
    this.#mid = null;
    const info = this.#classify(data, start);
    return { info, col: countChars(data, start + markerWidth(info), at) };
  }

  #firstLineStart(data: Buffer): number {
    return this.#mid ? data.indexOf(10, this.#off) + 1 : this.#off;
  }

  /** Classifies and consumes the line at `start`, remembering its column at `to`. */
  #enter(data: Buffer, start: number, to: number): { info: LineInfo; col: number } {
    const info = this.#classify(data, start);
    if (this.#inMessage) {
      if (data[start] !== 0) this.#messageNext++;
    } else if (this.#hunk && (!consumeHunkLine(this.#hunk, data[start]) || this.#spent(this.#hunk))) {
      this.#hunk = null;
    }
    return { info, col: countChars(data, start + markerWidth(info), to) };
  }

  #classify(data: Buffer, at: number): LineInfo {
    if (this.#inMessage) return data[at] === 0 ? OTHER : { kind: "message", line: this.#messageNext };
    const h = this.#hunk;
    if (!h || at >= data.length) return OTHER;
    const c = data[at];
    if (c === 0x2b && h.newLeft > 0) return { kind: "added", line: h.newNext };
    if (c === 0x2d && h.oldLeft > 0) return { kind: "removed", line: h.oldNext };
    if (c === 0x20 && h.newLeft > 0 && h.oldLeft > 0) return { kind: "context", line: h.newNext };
    return OTHER;
  }

  #spent(h: Hunk): boolean {
    return h.newLeft <= 0 && h.oldLeft <= 0;
  }

  /**
   * Consumes the whole lines in [start, end); both are line starts. The current hunk is followed
   * line by line (its line numbers need it); after it ends, only the last hunk header before `end`
   * and its file header matter, found by searching back from `end`.
   */
  #advance(data: Buffer, start: number, end: number): void {
    if (start >= end) return;
    let region = start;
    const view = data.subarray(0, end);
    // Commit markers hold NUL, which is rare elsewhere: memchr finds out fast whether there are any.
    if (view.indexOf(0, start) >= 0) {
      let last = -1;
      for (let i = view.indexOf(COMMIT_START, start); i >= 0; i = view.indexOf(COMMIT_START, i + 1)) last = i;
      if (last >= 0) {
        const eol = data.indexOf(10, last);
        this.#commit = data.toString("latin1", last + COMMIT_START.length, eol).trim();
        this.#inMessage = true;
        this.#messageNext = 1;
        this.#path = this.#oldPath = "";
        this.#hunk = null;
        region = eol + 1;
      }
    }
    if (this.#inMessage) {
      const nul = view.indexOf(0, region);
      if (nul < 0) {
        this.#messageNext += countLines(data, region, end);
        return;
      }
      this.#inMessage = false;
      const eol = data.indexOf(10, nul);
      region = eol < 0 ? end : eol + 1;
    }
    const hunkAt = lastHunkHeader(data, region, end);
    const fileAt = lastFileHeader(data, region, end);
    if (fileAt >= 0) {
      ({ path: this.#path, oldPath: this.#oldPath } = filePaths(data, fileAt));
      this.#hunk = null;
    }
    let from = region;
    if (hunkAt >= 0) {
      this.#hunk = parseHunkHeader(data, hunkAt);
      from = data.indexOf(10, hunkAt) + 1 || end;
    }
    // A hunk header next resets the line numbers: no need to count up to it.
    if (startsWith(data, end, HUNK)) this.#hunk = null;
    else this.#countHunkLines(data, from, end);
  }

  /** Follows the hunk over the lines in [from, end), ending it where its counts run out. */
  #countHunkLines(data: Buffer, from: number, end: number): void {
    const h = this.#hunk;
    if (!h) return;
    const view = data.subarray(0, end);
    for (let p = from; p < end;) {
      if (!consumeHunkLine(h, data[p]) || this.#spent(h)) {
        this.#hunk = null;
        return;
      }
      const nl = view.indexOf(10, p);
      if (nl < 0) return;
      p = nl + 1;
    }
  }
}
