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

/** Turns UTF-16 text, fed in pieces cut anywhere, into UTF-8 bytes. */
export class Utf16ToUtf8 {
  readonly #decoder: TextDecoder;

  constructor(encoding: "utf-16le" | "utf-16be") {
    this.#decoder = new TextDecoder(encoding);
  }

  push(bytes: Uint8Array): Buffer {
    return Buffer.from(this.#decoder.decode(bytes, { stream: true }), "utf8");
  }

  end(): Buffer {
    return Buffer.from(this.#decoder.decode(), "utf8");
  }
}
