import { describe, expect, it } from "vitest";
import { countFirst } from "../../src/cli/count-first.js";

/** A walk over 1..n that counts how often it was started. */
function walker(n: number): { walk: () => Iterable<number>; started: () => number } {
  let starts = 0;
  return {
    walk: function* () {
      starts++;
      for (let i = 1; i <= n; i++) yield i;
    },
    started: () => starts,
  };
}

describe("countFirst", () => {
  it.each([
    [0, 3, 1],
    [2, 3, 1],
    [3, 3, 1],
    [4, 3, 2],
    [1000, 3, 2],
  ])("counts %i items keeping up to %i: walks %i time(s)", (n, keep, walks) => {
    const w = walker(n);
    const { total, items } = countFirst(w.walk, keep);
    expect(total).toBe(n);
    expect([...items]).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(w.started()).toBe(walks);
  });
});
