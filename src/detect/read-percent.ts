import { KEY_BYTE, MAX_KEY_TEXT } from "./key-shape.js";
import { readHex } from "./read-escaped.js";
import type { Unescaped } from "./read-escaped.js";

/** Reads key characters from `start`, decoding `%XX` escapes mixed with plain characters. */
export function readPercent(data: Uint8Array, start: number, limit: number): Unescaped {
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
    const code = c === 0x25 ? readHex(data, i + 1, 2, limit) : -1;
    if (code < 0) break;
    if (decodedAt < 0) decodedAt = text.length;
    text += String.fromCharCode(code);
    i += 3;
    if (KEY_BYTE[code] !== 1) break;
  }
  return { text, decodedAt };
}
