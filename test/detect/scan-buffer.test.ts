import { describe, expect, it } from "vitest";
import { isProbablyBinary, scanBuffer } from "../../src/detect/index.js";
import { makeKey, fp } from "./make-key.js";

function utf16(text: string, order: "le" | "be"): Buffer {
  const le = Buffer.from("\ufeff" + text, "utf16le");
  return order === "le" ? le : Buffer.from(le).swap16();
}

function where(buf: Uint8Array): [number, number, string][] {
  return scanBuffer(buf, { path: "p" }).map((f) => [f.line, f.column, f.fingerprint]);
}

describe("scanBuffer", () => {
  const key = makeKey();
  const text = `first line\n  ключ: ${key}\n`;

  it("reads UTF-8", () => {
    expect(where(Buffer.from(text))).toEqual([[2, 9, fp(key)]]);
  });

  it("skips a UTF-8 byte-order mark", () => {
    expect(where(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(key)]))).toEqual([
      [1, 1, fp(key)],
    ]);
  });

  it.each(["le", "be"] as const)("reads UTF-16 %s with a BOM", (order) => {
    expect(where(utf16(text, order))).toEqual([[2, 9, fp(key)]]);
  });

  it("reads CRLF line ends", () => {
    expect(where(Buffer.from(`a\r\nb\r\n${key}\r\n`))).toEqual([[3, 1, fp(key)]]);
  });

  it("counts an invalid UTF-8 byte as one character", () => {
    const buf = Buffer.concat([
      Buffer.from("x"),
      Buffer.from([0xff, 0xc3, 0x28, 0xe2, 0x82]),
      Buffer.from(" " + key),
    ]);
    // x, 0xff, the truncated 0xc3, "(", the truncated 3-byte sequence, then a space: the key is the 7th.
    expect(where(buf)).toEqual([[1, 7, fp(key)]]);
  });

  it("counts characters, not bytes, in columns", () => {
    expect(where(Buffer.from(`日本語😀 ${key}`))).toEqual([[1, 6, fp(key)]]);
  });

  it("finds keys in a file holding NUL bytes (the caller decides what to skip)", () => {
    expect(where(Buffer.concat([Buffer.from([0, 1, 2, 10]), Buffer.from(key)]))).toEqual([[2, 1, fp(key)]]);
  });
});

describe("isProbablyBinary", () => {
  it.each([
    ["text", Buffer.from("hello\nworld\n"), false],
    ["empty", Buffer.alloc(0), false],
    ["a NUL early", Buffer.from([0x68, 0x00, 0x69]), true],
    ["a NUL after 8 KiB", Buffer.concat([Buffer.alloc(9000, 0x61), Buffer.from([0])]), false],
    ["UTF-16 LE with BOM", utf16("hello", "le"), false],
    ["UTF-16 BE with BOM", utf16("hello", "be"), false],
    ["a PNG header", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), true],
  ])("%s -> %s", (_name, buf, binary) => {
    expect(isProbablyBinary(buf)).toBe(binary);
  });
});
