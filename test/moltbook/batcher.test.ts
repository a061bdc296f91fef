import { describe, expect, it } from "vitest";
import { createBatcher } from "../../src/moltbook/batcher.js";

describe("createBatcher", () => {
  it("sends items added within the window together, full batches at once, and answers each caller", async () => {
    const calls: number[][] = [];
    const batcher = createBatcher<number, string>({
      windowMs: 5,
      maxSize: 3,
      keyOf: String,
      run: async (items) => (calls.push(items), items.map((i) => `r${i}`)),
    });
    const results = await Promise.all([1, 2, 3, 4, 5, 4].map((i) => batcher.add(i)));
    expect(results).toEqual(["r1", "r2", "r3", "r4", "r5", "r4"]);
    expect(calls).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it("keeps groups apart and rejects every caller of a failed batch", async () => {
    const calls: string[][] = [];
    const batcher = createBatcher<string, string>({
      windowMs: 5,
      maxSize: 100,
      keyOf: (s) => s,
      groupOf: (s) => s[0],
      run: async (items) => {
        calls.push(items);
        if (items[0].startsWith("x")) throw new Error("down");
        return items;
      },
    });
    const settled = await Promise.allSettled(["a1", "x1", "a2", "x2"].map((s) => batcher.add(s)));
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "fulfilled", "rejected"]);
    expect(calls).toEqual([
      ["a1", "a2"],
      ["x1", "x2"],
    ]);
  });

  it("refuses a result list that does not match the batch", async () => {
    const batcher = createBatcher<number, number>({
      windowMs: 1,
      maxSize: 10,
      keyOf: String,
      run: async () => [1],
    });
    const settled = await Promise.allSettled([batcher.add(1), batcher.add(2)]);
    expect(settled.every((s) => s.status === "rejected")).toBe(true);
  });
});
