/** Line feeds in data[from, to); memchr through `indexOf` beats a byte loop in JS. */
export function countLines(data: Buffer, from: number, to: number): number {
  const view = data.subarray(0, to); // so a search on a long line stops at `to`
  let n = 0;
  let i = view.indexOf(10, from);
  while (i !== -1) {
    n++;
    i = view.indexOf(10, i + 1);
  }
  return n;
}

/** Start of the line holding `at`, but not before `floor`. */
export function lineStart(data: Buffer, at: number, floor: number): number {
  if (at <= floor) return floor;
  const nl = data.lastIndexOf(10, at - 1);
  return nl < floor ? floor : nl + 1;
}
