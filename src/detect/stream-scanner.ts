import { ChunkedScanner } from "./chunked-scanner.js";
import type { Finding } from "./finding.js";
import { LineLocator } from "./line-locator.js";
import { sniffEncoding, Utf16ToUtf8 } from "./text-encoding.js";

export interface StreamScannerOptions {
  path?: string;
}

/**
 * Scans one large file fed in chunks of any size, holding only a small window between chunks.
 * Each key is reported once, by the `write` (or `end`) call that completes it. Handles the same
 * encodings as scanBuffer, told apart by the first bytes.
 */
export class StreamScanner {
  readonly #core: ChunkedScanner;
  /** The first bytes, until there are enough to recognise a byte-order mark. */
  #head: Buffer | null = Buffer.alloc(0);
  #utf16: Utf16ToUtf8 | null = null;

  constructor(options: StreamScannerOptions = {}) {
    this.#core = new ChunkedScanner(new LineLocator(options.path ?? ""), false);
  }

  write(chunk: Uint8Array): Finding[] {
    if (this.#head === null) return this.#pass(chunk);
    const head = Buffer.concat([this.#head, chunk]);
    if (head.length < 3) {
      this.#head = head;
      return [];
    }
    return this.#begin(head);
  }

  end(): Finding[] {
    const findings = this.#head === null ? [] : this.#begin(this.#head);
    if (this.#utf16) findings.push(...this.#core.write(this.#utf16.end()));
    findings.push(...this.#core.end());
    return findings;
  }

  #begin(head: Buffer): Finding[] {
    this.#head = null;
    const { encoding, bom } = sniffEncoding(head);
    if (encoding !== "utf-8") this.#utf16 = new Utf16ToUtf8(encoding);
    return this.#pass(head.subarray(bom));
  }

  #pass(bytes: Uint8Array): Finding[] {
    return this.#core.write(this.#utf16 ? this.#utf16.push(bytes) : bytes);
  }
}
