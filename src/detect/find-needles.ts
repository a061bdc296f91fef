import { NEEDLE_LENGTH, NEEDLES } from "./needles.js";

/*
 * Multi-needle search (Wu–Manber with 2-byte blocks): one pass finds all the needles. The window
 * of NEEDLE_LENGTH bytes slides by up to 7 bytes, looked up from its last two bytes. Eight windows
 * are looked up at once and tested with one AND: most bytes in source code are far from any
 * needle, and independent lookups let the CPU overlap their memory latency. Four at once had
 * roughly doubled the speed of a plain shift loop; eight, with the single test, take ~20% less
 * time again on a 1 MiB search (AMD EPYC, Zen 3); sixteen took longer. A block is read as one
 * little-endian 16-bit load through a DataView (the first byte is the low one), which the
 * optimizing compiler turns into a single load: ~30% faster than two byte loads and a shift.
 */
const M = NEEDLE_LENGTH;
const MAX_SHIFT = M - 1;
const SHIFT = new Uint8Array(1 << 16).fill(MAX_SHIFT);
/**
 * For a 2-byte block ending a window exactly at a needle's end: the first needle that ends with it,
 * and for each needle the next one with the same ending (-1 ends both). Typed arrays, not a Map of
 * lists: this is looked up at every candidate window.
 */
const ENDING = new Int16Array(1 << 16).fill(-1);
const NEXT_ENDING = new Int16Array(NEEDLES.length).fill(-1);

/** The 2-byte block that ends at `at`, as the search reads it. */
const block = (t: Uint8Array, at: number): number => t[at - 1] | (t[at] << 8);

for (const { text: t } of NEEDLES) {
  for (let j = 1; j < M; j++) SHIFT[block(t, j)] = Math.min(SHIFT[block(t, j)], M - 1 - j);
}
// Linked from the last needle back, so each chain lists its needles in index order.
for (let index = NEEDLES.length - 1; index >= 0; index--) {
  const last = block(NEEDLES[index].text, M - 1);
  NEXT_ENDING[index] = ENDING[last];
  ENDING[last] = index;
}

/** No limit: a count no input can reach, kept a small integer so the loop's arithmetic stays integer. */
const ALL = 0x3fffffff;

function confirm(data: Uint8Array, end: number, out: number[]): void {
  const start = end - M + 1;
  for (let index = ENDING[block(data, end)]; index !== -1; index = NEXT_ENDING[index]) {
    const t = NEEDLES[index].text;
    let j = 0;
    while (j < M - 2 && data[start + j] === t[j]) j++;
    if (j === M - 2) out.push(start, index);
  }
}

/**
 * Appends (position, needle index) pairs, in order, for every needle whose first NEEDLE_LENGTH
 * bytes occur in `data` starting at a position in [from, to); with `max`, it stops once `out` holds
 * that many pairs.
 */
export function findNeedles(data: Uint8Array, from: number, to: number, out: number[], max = ALL): void {
  const stop = 2 * max;
  const end = Math.min(to + M - 1, data.length); // window ends are < end
  const fast = end - 7 * M;
  const b = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const S = SHIFT;
  let i = from + M - 1;
  for (;;) {
    // Most windows are far from any needle: look eight up at once and skip past all eight. A shift
    // is at most MAX_SHIFT (0b111), so the AND of eight is MAX_SHIFT only when every one is.
    while (i < fast) {
      const s0 = S[b.getUint16(i - 1, true)];
      const s1 = S[b.getUint16(i + 6, true)];
      const s2 = S[b.getUint16(i + 13, true)];
      const s3 = S[b.getUint16(i + 20, true)];
      const s4 = S[b.getUint16(i + 27, true)];
      const s5 = S[b.getUint16(i + 34, true)];
      const s6 = S[b.getUint16(i + 41, true)];
      const s7 = S[b.getUint16(i + 48, true)];
      if ((s0 & s1 & s2 & s3 & s4 & s5 & s6 & s7) === MAX_SHIFT) {
        i += 8 * MAX_SHIFT;
      } else if (s0 !== MAX_SHIFT) {
        if (s0 === 0) break;
        i += s0;
      } else {
        // s0 is MAX_SHIFT and a later one is not: on to the first window that may be near a needle.
        let k = 1;
        while (S[b.getUint16(i - 1 + MAX_SHIFT * k, true)] === MAX_SHIFT) k++;
        i += MAX_SHIFT * k;
      }
    }
    // A window that ends a needle, or the last few windows, one at a time.
    if (i >= end) return;
    const s = S[b.getUint16(i - 1, true)];
    if (s === 0) {
      confirm(data, i, out);
      if (out.length >= stop) return;
      i++;
    } else i += s;
  }
}

/*
 * Needles are rare, so the optimizing compiler often compiles the search before it has seen every
 * path through it run: the first input that takes a path it has not seen (a needle confirmed, a
 * skip of one size) throws the hot loop back to the interpreter, to be compiled again later, which
 * measured ~15 ms at the start of a large diff. Searches at load time of a sample that takes every
 * path give it that feedback. Two rounds would be enough for the feedback, but sixteen also get the
 * search compiled before the first input comes: with two, start-up took ~3 ms less and a 208 MB diff
 * scan 12–27 ms more (medians of 30 interleaved runs, AMD EPYC Zen 3).
 */
{
  const gap = " plain text, far from any needle ".repeat(2);
  const needles = gap + NEEDLES.map((n) => n.text.toString("latin1")).join(gap) + gap;
  // A needle after gaps MAX_SHIFT bytes apart meets each of the eight windows looked up together.
  const lanes = Array.from({ length: 8 }, (_, k) => " ".repeat(64 + MAX_SHIFT * k) + "moltbook").join("");
  const sample = Buffer.from(needles + lanes + gap, "latin1");
  for (let k = 0; k < 16; k++) {
    findNeedles(sample, 0, sample.length, []);
    findNeedles(sample, 0, sample.length, [], 1);
  }
}

const first: number[] = [];

/**
 * Where the first needle in [from, to) starts, or -1; with `accept`, the first needle it accepts.
 * Most files hold none, and then nothing else needs to run: no locator, no decoder, no allocation.
 */
export function firstNeedle(
  data: Uint8Array,
  from: number,
  to: number,
  accept?: (data: Uint8Array, at: number, needle: number) => boolean,
): number {
  for (;;) {
    if (first.length) first.length = 0; // shrinking an array is a call into the runtime
    findNeedles(data, from, to, first, 1);
    if (first.length === 0) return -1;
    if (!accept || accept(data, first[0], first[1])) return first[0];
    from = first[0] + 1;
  }
}
