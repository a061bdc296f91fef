import { TextDecoder } from "node:util";

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be";

/**
 * The encoding a byte-order mark announces, and how many bytes it takes; UTF-8 without a BOM
 * otherwise (invalid sequences are scanned as they are, since keys are ASCII).
 */
export function sniffEncoding(head: Uint8Array): { encoding: TextEncodingName; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bom: 2 };
  return { encoding: "utf-8", bom: 0 };
}

/**
 * Turns UTF-16 text, fed in pieces cut anywhere, into UTF-8 bytes. Big-endian input is byte-swapped
 * and decoded as little-endian: Node builds without full ICU only decode UTF-16 LE.
 */
export class Utf16ToUtf8 {
  readonly #decoder = new TextDecoder("utf-16le");
  readonly #swap: boolean;
  /** A byte of a big-endian pair whose other byte has not arrived yet. */
  #odd: number | null = null;

  constructor(encoding: "utf-16le" | "utf-16be") {
    this.#swap = encoding === "utf-16be";
  }

  push(bytes: Uint8Array): Buffer {
    return Buffer.from(
      this.#decoder.decode(this.#swap ? this.#swapped(bytes) : bytes, { stream: true }),
      "utf8",
    );
  }

  end(): Buffer {
    return Buffer.from(this.#decoder.decode(), "utf8");
  }

  #swapped(bytes: Uint8Array): Buffer {
    const all = this.#odd === null ? Buffer.from(bytes) : Buffer.concat([Buffer.from([this.#odd]), bytes]);
    const even = all.length & ~1;
    this.#odd = even < all.length ? all[even] : null;
    return all.subarray(0, even).swap16();
  }
}
