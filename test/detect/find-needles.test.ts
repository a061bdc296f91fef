import { describe, expect, it } from "vitest";
import { findNeedles, firstNeedle } from "../../src/detect/find-needles.js";
import { NEEDLE_LENGTH, NEEDLES } from "../../src/detect/needles.js";

const M = NEEDLE_LENGTH;

/** Every (position, needle) pair by brute force: what the skipping search must agree with. */
function naive(data: Buffer, from: number, to: number): number[] {
  const out: number[] = [];
  for (let at = from; at < to && at + M <= data.length; at++) {
    NEEDLES.forEach((n, index) => {
      if (data.compare(n.text, 0, M, at, at + M) === 0) out.push(at, index);
    });
  }
  return out;
}

/** Filler made of the needles' own letters and digits, so near misses are everywhere. */
function filler(length: number, seed: number): Buffer {
  const letters = "moltbokdev_bW9sGJ1vHRi2xYZX%6DF\\u0{}x ";
  let x = seed;
  return Buffer.from(
    Array.from({ length }, () => {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      return letters[x % letters.length];
    }).join(""),
    "latin1",
  );
}

function placed(length: number, at: number, needle: number): Buffer {
  const data = Buffer.alloc(length, "z");
  NEEDLES[needle].text.copy(data, at, 0, M);
  return data;
}

describe("findNeedles", () => {
  // Each needle at every offset of a buffer longer than the eight windows the search looks at
  // together, so every skip path (7, 14, … 56 bytes) and the one-at-a-time tail meet it.
  it.each(NEEDLES.map((n, i) => [n.text.toString("latin1", 0, M), i] as const))(
    "finds %j at every position",
    (_text, needle) => {
      const length = 9 * M + 3;
      for (let at = 0; at + M <= length; at++) {
        const data = placed(length, at, needle);
        const out: number[] = [];
        findNeedles(data, 0, length, out);
        expect(out, `at ${at}`).toEqual(naive(data, 0, length));
        expect(out.slice(0, 2)).toEqual([at, needle]);
      }
    },
  );

  it("agrees with a brute-force search on text full of near misses", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const data = filler(2000, seed);
      // Plant a few real needles too.
      for (let k = 0; k < 5; k++)
        NEEDLES[(seed + k) % NEEDLES.length].text.copy(data, (seed * 97 * (k + 1)) % 1990);
      const out: number[] = [];
      findNeedles(data, 0, data.length, out);
      expect(out).toEqual(naive(data, 0, data.length));
    }
  });

  it("reports only needles that start in [from, to), reading past `to` to confirm them", () => {
    const data = placed(60, 30, 0);
    const at = (from: number, to: number): number[] => {
      const out: number[] = [];
      findNeedles(data, from, to, out);
      return out;
    };
    expect(at(0, 30)).toEqual([]);
    expect(at(0, 31)).toEqual([30, 0]);
    expect(at(30, 60)).toEqual([30, 0]);
    expect(at(31, 60)).toEqual([]);
  });

  it("stops after `max` pairs", () => {
    const data = Buffer.alloc(200, " ");
    for (const at of [10, 60, 120]) NEEDLES[0].text.copy(data, at);
    const out: number[] = [];
    findNeedles(data, 0, data.length, out, 2);
    expect(out).toEqual([10, 0, 60, 0]);
  });
});

describe("firstNeedle", () => {
  it("is where the first needle starts, or -1", () => {
    const data = Buffer.alloc(300, "-");
    expect(firstNeedle(data, 0, data.length)).toBe(-1);
    NEEDLES[5].text.copy(data, 200);
    NEEDLES[1].text.copy(data, 77);
    expect(firstNeedle(data, 0, data.length)).toBe(77);
    expect(firstNeedle(data, 78, data.length)).toBe(200);
    expect(firstNeedle(data, 0, 77)).toBe(-1);
  });

  it("finds a needle that fills the whole input", () => {
    expect(firstNeedle(NEEDLES[0].text, 0, M)).toBe(0);
  });

  it("passes over the needles `accept` turns down", () => {
    const data = Buffer.alloc(300, "-");
    for (const at of [10, 120, 250]) NEEDLES[0].text.copy(data, at);
    const seen: [number, number][] = [];
    const from120 = (_: Uint8Array, at: number, needle: number) => (seen.push([at, needle]), at >= 120);
    expect(firstNeedle(data, 0, data.length, from120)).toBe(120);
    expect(seen).toEqual([
      [10, 0],
      [120, 0],
    ]);
    expect(firstNeedle(data, 0, data.length, () => false)).toBe(-1);
  });
});
