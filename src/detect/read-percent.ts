import { readHex, readWithEscapes, type EscapeDecoder, type Unescaped } from "./read-escaped.js";

/** `%XX`. */
const percentEscape: EscapeDecoder = (data, i, limit) => {
  const code = data[i] === 0x25 ? readHex(data, i + 1, 2, limit) : -1;
  return code < 0 ? null : { code, width: 3 };
};

/** Reads key characters from `start`, decoding `%XX` escapes mixed with plain characters. */
export function readPercent(data: Uint8Array, start: number, limit: number): Unescaped {
  return readWithEscapes(data, start, limit, percentEscape);
}
