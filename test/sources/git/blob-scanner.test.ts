import { describe, expect, it } from "vitest";
import { fingerprint, type Finding } from "../../../src/detect/index.js";
import { BlobScanner } from "../../../src/sources/git/blob-scanner.js";
import { makeKey } from "../../support/cli/keys.js";

interface Seen {
  id: string;
  places: [number, number, string][];
  bytes: number;
  binary?: true;
}

function recorder(): { scanner: BlobScanner; seen: Seen[] } {
  const seen: Seen[] = [];
  const scanner = new BlobScanner((id, findings: Finding[], bytes, binary) =>
    seen.push({
      id,
      places: findings.map((f) => [f.line, f.column, f.fingerprint]),
      bytes,
      ...(binary ? { binary } : {}),
    }),
  );
  return { scanner, seen };
}

/** Feeds `content` as a streamed blob, in pieces of `size` bytes. */
function stream(scanner: BlobScanner, id: string, content: Buffer, size: number): void {
  scanner.start(id, content.length);
  for (let at = 0; at < content.length; at += size) scanner.piece(content.subarray(at, at + size));
  scanner.finish();
}

describe("BlobScanner", () => {
  const key = makeKey();
  const fp = fingerprint(key);

  it("scans a whole blob: findings without path or commit, placed by line and column", () => {
    const { scanner, seen } = recorder();
    const text = Buffer.from(`one\ntwo\nkey = ${key}\n`);
    scanner.whole("n", text);
    expect(seen).toEqual([{ id: "n", places: [[3, 7, fp]], bytes: text.length }]);
  });

  it("skips binaries by content, counting their bytes, and decodes UTF-16 with a byte-order mark", () => {
    const { scanner, seen } = recorder();
    const binary = Buffer.concat([Buffer.from("\0PNG\n"), Buffer.from(key)]);
    scanner.whole("bin", binary);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`x ${key}`, "utf16le")]);
    scanner.whole("u16", utf16);
    expect(seen).toEqual([
      { id: "bin", places: [], bytes: binary.length, binary: true },
      { id: "u16", places: [[1, 3, fp]], bytes: utf16.length },
    ]);
  });

  it("streams a large blob in any pieces, finding keys across its 1 MiB steps", () => {
    const line = "filler text that holds no key at all, just words\n"; // 50 bytes
    const lines = Math.ceil((1 << 20) / line.length) + 5;
    // The key starts 10 bytes before the first 1 MiB step, so it spans two steps.
    const before = line.repeat(lines).slice(0, (1 << 20) - 10);
    const content = Buffer.from(`${before}${key}\n${line.repeat(lines)}${key} trailing\n`);
    const firstLine = before.split("\n").length;
    const firstColumn = before.length - before.lastIndexOf("\n");
    const lastLine = firstLine + 1 + lines;
    for (const size of [1 << 16, 999_983, 3 << 20]) {
      const { scanner, seen } = recorder();
      stream(scanner, "big", content, size);
      expect(seen, `pieces of ${size}`).toEqual([
        {
          id: "big",
          places: [
            [firstLine, firstColumn, fp],
            [lastLine, 1, fp],
          ],
          bytes: content.length,
        },
      ]);
    }
  });

  it("skips a large binary by its first 8 KiB, like git, and starts each blob afresh", () => {
    const { scanner, seen } = recorder();
    const nulEarly = Buffer.concat([Buffer.alloc(100), Buffer.from(`${key}\n`), Buffer.alloc(2 << 20, 0x61)]);
    stream(scanner, "bin", nulEarly, 1 << 16);
    const nulLate = Buffer.concat([
      Buffer.alloc(9000, 0x61),
      Buffer.from(`\0\n${key}\n`),
      Buffer.alloc(2 << 20, 0x62),
    ]);
    stream(scanner, "late", nulLate, 1 << 16);
    expect(seen).toEqual([
      { id: "bin", places: [], bytes: nulEarly.length, binary: true },
      { id: "late", places: [[2, 1, fp]], bytes: nulLate.length },
    ]);
  });

  it("reports an absent object as clean and empty", () => {
    const { scanner, seen } = recorder();
    scanner.absent("gone");
    expect(seen).toEqual([{ id: "gone", places: [], bytes: 0 }]);
  });
});
