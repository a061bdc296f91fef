/**
 * Characters (code points) in data[from, to) read as UTF-8: the bytes that are not continuation
 * bytes. Adding counts over pieces gives the count over the whole, wherever the pieces are cut, which
 * a stream that cuts lines between chunks needs. An invalid lead byte counts as one character, as a
 * decoder would show one U+FFFD for it; a stray continuation byte counts as none.
 */
export function countChars(data: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if ((data[i] & 0xc0) !== 0x80) n++;
  return n;
}
