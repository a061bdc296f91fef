import { describe, expect, it } from "vitest";
import { scanBuffer, StreamScanner, type Finding } from "../../src/detect/index.js";
import { makeKey, fp } from "./make-key.js";
import { filler, keyForms } from "./sample-text.js";

type Seen = [string, number, number, string, string];
const seen = (f: Finding): Seen => [f.path, f.line, f.column, f.encoding, f.fingerprint];

/** Feeds `buf` cut at `cuts`, reusing one scratch buffer for every chunk as a file reader would. */
function streamed(buf: Buffer, cuts: number[]): Seen[] {
  const scanner = new StreamScanner({ path: "big.txt" });
  const scratch = Buffer.alloc(buf.length);
  const out: Finding[] = [];
  let at = 0;
  for (const cut of [...cuts, buf.length]) {
    const n = buf.copy(scratch, 0, at, cut);
    out.push(...scanner.write(scratch.subarray(0, n)));
    scratch.fill(0x41, 0, n); // the scanner must not keep pointing at our memory
    at = cut;
  }
  out.push(...scanner.end());
  return out.map(seen);
}

function whole(buf: Buffer): Seen[] {
  return scanBuffer(buf, { path: "big.txt" }).map(seen);
}

describe("StreamScanner", () => {
  const before = filler(40); // > HOLD + LOOKBACK, so chunks really are cut and dropped
  for (const form of keyForms()) {
    it(`finds a ${form.name} key exactly once wherever two chunks meet`, () => {
      const buf = Buffer.from(before + form.text + "\n" + filler(5, 2));
      const expected = whole(buf);
      expect(expected.map((s) => s[4])).toEqual([fp(form.key)]);
      const start = Buffer.byteLength(before);
      const end = start + Buffer.byteLength(form.text);
      for (let cut = start - 2; cut <= end + 2; cut++)
        expect(streamed(buf, [cut]), `cut at ${cut}`).toEqual(expected);
    });
  }

  it("matches scanBuffer over many keys and random chunk sizes", () => {
    const parts: string[] = [];
    for (let i = 0; i < 30; i++) for (const form of keyForms()) parts.push(filler(i % 7, i), form.text, "\n");
    const buf = Buffer.from(parts.join(""));
    const expected = whole(buf);
    expect(expected).toHaveLength(30 * keyForms().length);
    for (const maxChunk of [1, 7, 100, 1500, 70_000]) {
      const cuts: number[] = [];
      for (let at = 0; at < buf.length;) cuts.push((at += 1 + Math.floor(Math.random() * maxChunk)));
      cuts.pop();
      expect(
        streamed(
          buf,
          cuts.filter((c) => c < buf.length),
        ),
      ).toEqual(expected);
    }
  });

  it("keeps the column on a long line cut into many chunks", () => {
    const key = makeKey();
    const buf = Buffer.from("a\n" + "é".repeat(100_000) + key + "\n");
    const cuts = Array.from({ length: 48 }, (_, i) => (i + 1) * 4096);
    expect(streamed(buf, cuts)).toEqual([["big.txt", 2, 100_001, "plain", fp(key)]]);
  });

  it.each(["utf16le", "utf16be"] as const)("reads %s cut at odd offsets", (encoding) => {
    const key = makeKey();
    let buf = Buffer.from("\ufeff" + filler(30) + `x = "${key}"\n`, "utf16le");
    if (encoding === "utf16be") buf = Buffer.from(buf).swap16();
    const expected = whole(buf);
    expect(expected.map((s) => s[4])).toEqual([fp(key)]);
    expect(streamed(buf, [1, 2, 3, 1001, 3333, 4097])).toEqual(expected);
  });

  it("skips a UTF-8 BOM that arrives one byte at a time", () => {
    const key = makeKey();
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(key)]);
    expect(streamed(buf, [1, 2, 3, 4])).toEqual([["big.txt", 1, 1, "plain", fp(key)]]);
  });
});
