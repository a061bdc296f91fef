/**
 * Characters (code points) in data[from, to) read as UTF-8. An invalid byte sequence counts as one
 * character, as a decoder would show one U+FFFD for it, so columns stay meaningful in files with
 * broken encodings.
 */
export function countChars(data: Uint8Array, from: number, to: number): number {
  let n = 0;
  let i = from;
  while (i < to) {
    const c = data[i];
    n++;
    if (c < 0x80) {
      i++;
      continue;
    }
    const width = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 1;
    let j = 1;
    while (j < width && i + j < to && (data[i + j] & 0xc0) === 0x80) j++;
    i += j;
  }
  return n;
}
