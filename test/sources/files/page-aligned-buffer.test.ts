import { afterEach, describe, expect, it, vi } from "vitest";
import { allocPageAligned } from "../../../src/sources/files/page-aligned-buffer.js";

// Where the buffer starts in memory cannot be seen from JavaScript; bench/scan-throughput.mjs shows
// what the alignment is worth. These tests pin what callers rely on: the size, and that both ways of
// making it give a usable, independent buffer.
describe("allocPageAligned", () => {
  afterEach(() => vi.unstubAllGlobals());

  for (const [name, stub] of [
    ["from WebAssembly memory", false],
    ["without WebAssembly (node --jitless)", true],
  ] as const) {
    it(`gives a writable buffer of exactly the size asked, ${name}`, () => {
      if (stub) vi.stubGlobal("WebAssembly", undefined);
      for (const size of [1, 4097, 65536, (4 << 20) + 1]) {
        const a = allocPageAligned(size);
        const b = allocPageAligned(size);
        expect(a.length).toBe(size);
        a.fill(7);
        b.fill(9);
        expect(a[0]).toBe(7);
        expect(a[size - 1]).toBe(7);
        expect(Buffer.isBuffer(a)).toBe(true);
      }
    });
  }
});
