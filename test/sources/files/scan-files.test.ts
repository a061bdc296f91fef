import { Readable } from "node:stream";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanFiles } from "../../../src/sources/files/scan-files.js";
import { scanReadable } from "../../../src/sources/files/scan-readable.js";
import { makeKey } from "../../support/cli/keys.js";
import { makeTempDir, removeTempDir, writeFiles } from "../../support/cli/temp-dir.js";

// With the reader the CLI uses (the native one where it is built) and with the JavaScript one.
describe.each([
  ["the default reader", undefined],
  ["the JavaScript reader", null],
] as const)("scanFiles with %s", (_, native) => {
  let dir: string;
  const key = makeKey();
  const filler = "const unrelated = 1;\n".repeat(5000); // ~100 kB
  const file = (name: string) => ({ abs: join(dir, name), path: `shown/${name}`, open: join(dir, name) });

  beforeAll(() => {
    dir = makeTempDir("mg-files-");
    writeFiles(dir, {
      "small.ts": `a\n${key}\n`,
      "large.ts": `${filler}x = "${key}"\n${filler}`,
      "large.bin": Buffer.concat([Buffer.from([0, 1, 2, 3]), Buffer.from(filler + key)]),
      "empty.txt": "",
    });
  });
  afterAll(() => removeTempDir(dir));

  it("reads small files whole and streams large ones, with the same lines and columns", () => {
    const out = scanFiles([file("small.ts"), file("large.ts")], {
      maxFileSize: 0,
      streamThreshold: 4096,
      native,
    });
    expect(out.findings.map((f) => [f.path, f.line, f.column])).toEqual([
      ["shown/small.ts", 2, 1],
      ["shown/large.ts", 5001, 6],
    ]);
    expect(out.files).toBe(2);
    expect(out.bytes).toBe(
      Buffer.byteLength(`a\n${key}\n`) + Buffer.byteLength(`${filler}x = "${key}"\n${filler}`),
    );
  });

  it("streams a file of several chunks through the one read buffer, finding keys in each", () => {
    // 1 MiB chunks (scan-files.ts): keys in the first read, on either side of the first chunk
    // boundary, and in the last chunk, each on a line whose number says where it is.
    const line = "x".repeat(99) + "\n"; // 100 bytes
    const lines = Array.from({ length: 30_000 }, () => line); // 3 MB
    for (const at of [3, 10_485, 10_486, 29_990]) lines[at] = `k=${key}\n`;
    writeFiles(dir, { "chunks.log": lines.join("") });
    const streamed = scanFiles([file("chunks.log")], { maxFileSize: 0, streamThreshold: 4096, native });
    const whole = scanFiles([file("chunks.log")], { maxFileSize: 0, native });
    for (const out of [streamed, whole]) {
      expect(out.findings.map((f) => [f.line, f.column])).toEqual([
        [4, 3],
        [10_486, 3],
        [10_487, 3],
        [29_991, 3],
      ]);
      expect(out.bytes).toBe(lines.join("").length);
    }
  });

  it("skips binaries by content, streamed or not", () => {
    const whole = scanFiles([file("large.bin")], { maxFileSize: 0, native });
    const streamed = scanFiles([file("large.bin")], { maxFileSize: 0, streamThreshold: 4096, native });
    for (const out of [whole, streamed]) {
      expect(out.findings).toEqual([]);
      expect(out.binary).toBe(1);
    }
  });

  it("reports files over the cap and files that vanished, instead of dropping them", () => {
    const out = scanFiles([file("large.ts"), file("gone.txt"), file("empty.txt")], {
      maxFileSize: 1000,
      native,
    });
    expect(out.skipped).toEqual([
      { path: "shown/large.ts", reason: "too-large", bytes: expect.any(Number), limit: 1000 },
      { path: "shown/gone.txt", reason: "unreadable", bytes: 0, detail: "ENOENT" },
    ]);
    expect(out.files).toBe(1);
  });

  it("ticks progress once per file with its bytes", () => {
    const ticks: [number, number][] = [];
    scanFiles([file("small.ts"), file("empty.txt")], {
      maxFileSize: 0,
      native,
      onProgress: (n, b) => ticks.push([n, b]),
    });
    expect(ticks).toEqual([
      [1, Buffer.byteLength(`a\n${key}\n`)],
      [1, 0],
    ]);
  });
});

describe("scanReadable", () => {
  it("finds a key split across chunks of a stream", async () => {
    const key = makeKey();
    const text = `first line\nthe key is ${key} ok\n`;
    const cut = text.indexOf(key) + 10;
    const out = await scanReadable(
      Readable.from([Buffer.from(text.slice(0, cut)), Buffer.from(text.slice(cut))]),
      "(stdin)",
    );
    expect(out.findings.map((f) => [f.path, f.line, f.column])).toEqual([["(stdin)", 2, 12]]);
    expect(out.bytes).toBe(Buffer.byteLength(text));
  });

  it("drains binary input without scanning it", async () => {
    const out = await scanReadable(
      Readable.from([Buffer.from([0, 0, 0, 1]), Buffer.from(makeKey())]),
      "(stdin)",
    );
    expect(out).toMatchObject({ binary: true, findings: [] });
  });
});
