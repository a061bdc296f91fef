import { MAX_KEY_TEXT } from "./key-shape.js";

/** Base64 digit values; both alphabets at once (`+`/`-` are 62, `/`/`_` are 63), -1 otherwise. */
const DIGIT = new Int8Array(256).fill(-1);
const STD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
for (let i = 0; i < 64; i++) DIGIT[STD.charCodeAt(i)] = i;
DIGIT[0x2d] = 62; // -
DIGIT[0x5f] = 63; // _

const LF = 0x0a;
const CR = 0x0d;
/** Lines of wrapped base64 (`base64` wraps at 76, PEM at 64) are at least this long. */
const MIN_WRAPPED_LINE = 60;

export interface Base64Text {
  /** The decoded bytes after the `alignment` leading ones, as latin1 text. */
  text: string;
  /** Whether the value is in the URL-safe alphabet (see `isUrlSafe`). */
  urlSafe: boolean;
}

function isStd(c: number): boolean {
  return DIGIT[c] >= 0 && c !== 0x2d && c !== 0x5f;
}

/** Start of the run of base64 characters that ends at `at`, or -1 when it reaches past `lower`. */
function runStart(data: Uint8Array, at: number, lower: number, std: boolean, diffLines: boolean): number {
  let i = at;
  const floor = Math.max(0, lower);
  while (i > floor && (std ? isStd(data[i - 1]) : DIGIT[data[i - 1]] >= 0)) i--;
  if (i <= lower) return -1;
  // In a diff the line's `+` (or `-`) marker is not part of the text.
  if (diffLines && (i === 0 || data[i - 1] === LF) && i < at) i++;
  return i;
}

/**
 * Decodes base64 from `quantum`, the start of the 4-character group in which the key prefix begins
 * after `alignment` other bytes, up to what a key needs. Refuses when the group is not where a
 * base64 value's own 4-character grid puts it (so an arbitrary string that happens to contain the
 * needle is not decoded at the wrong phase). Wrapped base64 (lines of 60+ characters, a multiple
 * of 4) is followed onto the next line.
 */
export function readBase64(
  data: Uint8Array,
  quantum: number,
  alignment: number,
  lower: number,
  limit: number,
  diffLines: boolean,
): Base64Text | null {
  if (quantum < 0 || quantum < lower) return null;
  const std = runStart(data, quantum, lower, true, diffLines);
  const any = runStart(data, quantum, lower, false, diffLines);
  const aligned = std < 0 || any < 0 || (quantum - std) % 4 === 0 || (quantum - any) % 4 === 0;
  if (!aligned) return null;

  const wanted = Math.ceil((alignment + MAX_KEY_TEXT) / 3) * 4;
  const digits: number[] = [];
  let wrapped = false;
  let lineRun = std < 0 ? -1 : quantum - std;
  let i = quantum;
  while (i < limit && digits.length < wanted) {
    const c = data[i];
    const d = DIGIT[c];
    if (d >= 0) {
      digits.push(d);
      if (lineRun >= 0) lineRun++;
      i++;
      continue;
    }
    if ((c !== LF && c !== CR) || lineRun < MIN_WRAPPED_LINE || lineRun % 4 !== 0) break;
    let j = c === CR ? i + 1 : i;
    if (data[j] !== LF) break;
    j++;
    if (diffLines && j < limit && (data[j] === 0x2b || data[j] === 0x20)) j++;
    while (j < limit && (data[j] === 0x20 || data[j] === 0x09)) j++;
    if (j >= limit || DIGIT[data[j]] < 0) break;
    lineRun = 0;
    wrapped = true;
    i = j;
  }
  const bytes: number[] = [];
  for (let k = 0; k + 1 < digits.length; k += 4) {
    const a = digits[k];
    const b = digits[k + 1];
    bytes.push(((a << 2) | (b >> 4)) & 0xff);
    if (k + 2 < digits.length) bytes.push(((b << 4) | (digits[k + 2] >> 2)) & 0xff);
    if (k + 3 < digits.length) bytes.push(((digits[k + 2] << 6) | digits[k + 3]) & 0xff);
  }
  return {
    text: String.fromCharCode(...bytes.slice(alignment)),
    urlSafe: isUrlSafe(data, any < 0 ? Math.max(0, lower) : any, i, limit, any >= 0 && !wrapped),
  };
}

/**
 * Base64 of ASCII text never uses characters 62 and 63, so a key's own encoding looks the same in
 * both alphabets: tell them apart by the rest of the value. `-`/`_` anywhere means URL-safe and
 * `+`/`/` standard; otherwise padding (`=`) means standard, and a one-line value of known start
 * whose length is not a multiple of 4 is unpadded, hence URL-safe. Looks no further than `limit`.
 */
function isUrlSafe(
  data: Uint8Array,
  start: number,
  from: number,
  limit: number,
  wholeLine: boolean,
): boolean {
  let end = from;
  while (end < limit && DIGIT[data[end]] >= 0) end++;
  let url = false;
  for (let k = start; k < end; k++) {
    const c = data[k];
    if (c === 0x2b && k > 0 && data[k - 1] === LF) continue; // a diff line's marker
    if (c === 0x2b || c === 0x2f) return false;
    if (c === 0x2d || c === 0x5f) url = true;
  }
  if (url) return true;
  // At `limit` the value may go on, unless that is the end of the input.
  if ((end >= limit && end < data.length) || data[end] === 0x3d) return false;
  return wholeLine && (end - start) % 4 !== 0;
}
