import { API_BODY_LENGTH, API_PREFIX, DEV_PREFIX, KEY_BYTE, MAX_KEY_TEXT } from "./key-shape.js";

export interface Joined {
  text: string;
  /** Index in `text` of the first character that came after a join, or -1. */
  joinedAt: number;
  how: "concatenation" | "line-continuation" | null;
}

const BACKSLASH = 0x5c;
const LF = 0x0a;
const CR = 0x0d;

function isQuote(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x60; // " ' `
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** Python string prefix letters: r, b, u, f in either case. */
function isStringPrefix(c: number): boolean {
  const lower = c | 0x20;
  return lower === 0x72 || lower === 0x62 || lower === 0x75 || lower === 0x66;
}

/**
 * Reads key characters from `start` the way the program would see the string: across the end of
 * one string literal and the start of the next (`"moltbook_sk_ab" + "cd…"` in JS/TS/Python/Go/Ruby/
 * Java, `.` in PHP, adjacent literals in Python/Ruby/C, possibly over several lines), and across a
 * backslash line continuation (shell, Python, Ruby, C). A join is only taken while the key is still
 * incomplete, so a whole key in one literal stays a plain finding. In a diff (`diffLines`), a join
 * that crosses a line break skips the next line's `+`/`-`/` ` marker, which must match this line's.
 */
export function readJoined(data: Buffer, start: number, limit: number, diffLines: boolean): Joined {
  const out: number[] = [];
  let joinedAt = -1;
  let how: Joined["how"] = null;
  let marker = -2; // the diff marker of the line holding `start`, looked up on first need
  const lineMarker = (): number => {
    if (marker === -2) marker = start > 0 ? data[data.lastIndexOf(LF, start - 1) + 1] : data[0];
    return marker;
  };
  const afterBreak = (i: number): number => {
    // `i` is at CR or LF; returns where the next line's text starts, or -1.
    if (data[i] === CR) i++;
    if (i >= limit || data[i] !== LF) return -1;
    i++;
    if (diffLines) {
      if (i >= limit || data[i] !== lineMarker()) return -1;
      i++;
    }
    return i;
  };
  const skipGap = (i: number): number => {
    while (i < limit) {
      const c = data[i];
      if (isBlank(c)) i++;
      else if (c === CR || c === LF) {
        const next = afterBreak(i);
        if (next < 0) return -1;
        i = next;
      } else if (c === BACKSLASH && (data[i + 1] === LF || data[i + 1] === CR)) {
        const next = afterBreak(i + 1);
        if (next < 0) return -1;
        i = next;
      } else return i;
    }
    return -1;
  };
  // After a closing quote: the position just inside the next literal's opening quote, or -1.
  const nextLiteral = (i: number): number => {
    i = skipGap(i);
    if (i < 0) return -1;
    if (data[i] === 0x2b || data[i] === 0x2e) {
      // `+`, or `.` (PHP)
      i = skipGap(i + 1);
      if (i < 0) return -1;
    }
    // Python string prefixes: r, b, u, f and pairs of them.
    let letters = 0;
    while (letters < 2 && i + letters < limit && isStringPrefix(data[i + letters])) letters++;
    if (letters > 0 && !isQuote(data[i + letters])) letters = 0;
    i += letters;
    return i < limit && isQuote(data[i]) ? i + 1 : -1;
  };
  const joinLimit = (): number =>
    out.length >= DEV_PREFIX.length && String.fromCharCode(...out.slice(0, DEV_PREFIX.length)) === DEV_PREFIX
      ? MAX_KEY_TEXT - 1
      : API_PREFIX.length + API_BODY_LENGTH;

  let i = start;
  while (i < limit && out.length < MAX_KEY_TEXT) {
    const c = data[i];
    if (KEY_BYTE[c] === 1) {
      out.push(c);
      i++;
      continue;
    }
    if (out.length >= joinLimit()) break;
    let next = -1;
    let kind: Joined["how"] = null;
    if (c === BACKSLASH && (data[i + 1] === LF || data[i + 1] === CR)) {
      next = afterBreak(i + 1);
      kind = "line-continuation";
    } else if (isQuote(c)) {
      next = nextLiteral(i + 1);
      kind = "concatenation";
    }
    if (next < 0 || next >= limit || KEY_BYTE[data[next]] !== 1) break;
    if (joinedAt < 0) {
      joinedAt = out.length;
      how = kind;
    }
    i = next;
  }
  return { text: String.fromCharCode(...out), joinedAt, how };
}
