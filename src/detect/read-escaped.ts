import { KEY_BYTE, MAX_KEY_TEXT } from "./key-shape.js";

export interface Unescaped {
  text: string;
  /** Index in `text` of the first character that was written as an escape, or -1. */
  decodedAt: number;
}

const HEX = new Int8Array(256).fill(-1);
for (let i = 0; i < 16; i++)
  HEX["0123456789abcdef".charCodeAt(i)] = HEX["0123456789ABCDEF".charCodeAt(i)] = i;

/** The value of `count` hex digits at `at`, or -1. */
export function readHex(data: Uint8Array, at: number, count: number, limit: number): number {
  if (at + count > limit) return -1;
  let v = 0;
  for (let k = 0; k < count; k++) {
    const d = HEX[data[at + k]];
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/** An escape at `i`: the character it stands for and how many bytes it spans, or null. */
export type EscapeDecoder = (
  data: Uint8Array,
  i: number,
  limit: number,
) => { code: number; width: number } | null;

/**
 * Reads key characters from `start`, plain or written with the escapes `decode` understands,
 * until the first character that cannot be part of a key.
 */
export function readWithEscapes(
  data: Uint8Array,
  start: number,
  limit: number,
  decode: EscapeDecoder,
): Unescaped {
  let text = "";
  let decodedAt = -1;
  let i = start;
  while (i < limit && text.length < MAX_KEY_TEXT) {
    const c = data[i];
    if (KEY_BYTE[c] === 1) {
      text += String.fromCharCode(c);
      i++;
      continue;
    }
    const escape = decode(data, i, limit);
    if (!escape) break;
    if (decodedAt < 0) decodedAt = text.length;
    text += String.fromCharCode(escape.code > 0xffff ? 0xfffd : escape.code);
    i += escape.width;
    if (escape.code > 255 || KEY_BYTE[escape.code] !== 1) break;
  }
  return { text, decodedAt };
}

/** JSON/JS `\uXXXX`, `\u{X…}` and `\xXX`. */
const jsEscape: EscapeDecoder = (data, i, limit) => {
  if (data[i] !== 0x5c) return null;
  let code = -1;
  let width = 0;
  const kind = data[i + 1];
  if (kind === 0x75 && data[i + 2] === 0x7b) {
    // \u{6d}
    let end = i + 3;
    while (end < limit && end < i + 10 && data[end] !== 0x7d) end++;
    if (end < limit && data[end] === 0x7d && end > i + 3) {
      code = readHex(data, i + 3, end - i - 3, limit);
      width = end + 1 - i;
    }
  } else if (kind === 0x75) {
    code = readHex(data, i + 2, 4, limit);
    width = 6;
  } else if (kind === 0x78) {
    code = readHex(data, i + 2, 2, limit);
    width = 4;
  }
  return code < 0 ? null : { code, width };
};

/** Reads key characters from `start`, decoding JSON/JS escapes mixed with plain characters. */
export function readEscaped(data: Uint8Array, start: number, limit: number): Unescaped {
  return readWithEscapes(data, start, limit, jsEscape);
}
