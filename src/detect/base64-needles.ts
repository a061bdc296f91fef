import { API_PREFIX, DEV_PREFIX } from "./key-shape.js";

export interface Base64Needle {
  /** The base64 characters fixed by the prefix alone, whatever bytes come before and after it. */
  text: string;
  /** How many bytes of the same 3-byte group precede the prefix (0, 1 or 2). */
  alignment: number;
  /** Where `text` starts after the start of the 4-character group holding the prefix's first byte. */
  offset: number;
}

/**
 * The prefix of a key encoded in base64 at each of the three alignments. Characters that depend on
 * the neighbouring bytes differ between an all-zero and an all-one neighbourhood; the rest are
 * fixed. None of them is `+`, `/`, `-` or `_`, so the same needles find standard and URL-safe base64.
 */
export function base64Needles(prefix: string): Base64Needle[] {
  const needles: Base64Needle[] = [];
  for (let alignment = 0; alignment < 3; alignment++) {
    const encode = (fill: number): string =>
      Buffer.concat([Buffer.alloc(alignment, fill), Buffer.from(prefix), Buffer.alloc(3, fill)]).toString(
        "base64",
      );
    const low = encode(0x00);
    const high = encode(0xff);
    let offset = 0;
    while (low[offset] !== high[offset]) offset++;
    let end = offset;
    while (low[end] === high[end]) end++;
    needles.push({ text: low.slice(offset, end), alignment, offset });
  }
  return needles;
}

export const API_BASE64_NEEDLES = base64Needles(API_PREFIX);
export const DEV_BASE64_NEEDLES = base64Needles(DEV_PREFIX);
