import type { Finding } from "./finding.js";
import { findKeyHits } from "./find-key-hits.js";
import type { Locator } from "./locator.js";
import { makeFinding } from "./make-finding.js";
import { HOLD, LOOKBACK } from "./scan-window.js";

const EMPTY = Buffer.alloc(0);

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

/**
 * Scans input that arrives in chunks, finding each key exactly once wherever the chunks are cut:
 * needles are taken only up to HOLD bytes before the end of what has arrived (so every decoder sees
 * the same window it would see in one buffer), and from one chunk to the next only the last
 * LOOKBACK bytes are kept, or where the locator asks to cut a little earlier (a diff keeps a short
 * line whole, or the text since a nearby hunk header), so memory stays flat whatever the input.
 */
export class ChunkedScanner {
  readonly #locator: Locator;
  readonly #diffLines: boolean;
  /** Working memory, reused for every chunk: the kept tail of the input so far, then the new chunk. */
  #work: Buffer = EMPTY;
  #length = 0;
  /** Needles at or after this offset are still to be looked at. */
  #from = 0;

  constructor(locator: Locator, diffLines: boolean) {
    this.#locator = locator;
    this.#diffLines = diffLines;
  }

  write(chunk: Uint8Array): Finding[] {
    // Copying means the caller may reuse its chunk's memory as soon as we return.
    this.reserve(chunk.length).set(chunk);
    return this.commit(chunk.length);
  }

  /**
   * Room for up to `bytes` more input right after what is kept, for a reader to fill in place and
   * then hand over with commit(): a file read this way is never copied.
   */
  reserve(bytes: number): Buffer {
    const length = this.#length + bytes;
    if (length > this.#work.length) {
      // Twice what is asked, so that the next chunk fits after the kept tail. With just enough, the
      // second chunk took a second buffer, and each page of a fresh buffer faults when first written
      // (~15 µs on one of the project's machines): a 208 MB diff in 1 MiB chunks made ~940 page
      // faults on the main thread, ~665 now. Pages never written cost nothing.
      const grown = Buffer.allocUnsafe(Math.max(2 * length, 1 << 16));
      this.#work.copy(grown, 0, 0, this.#length);
      this.#work = grown;
    }
    return this.#work.subarray(this.#length, length);
  }

  /** Scans the first `bytes` of the room reserve() gave, as if they had been written. */
  commit(bytes: number): Finding[] {
    const length = this.#length + bytes;
    const data = this.#work.subarray(0, length);
    const until = length - HOLD;
    const findings = until > this.#from ? this.#scan(data, this.#from, until) : [];
    this.#from = Math.max(this.#from, until);
    let keep = 0;
    if (this.#from - LOOKBACK > 0) {
      keep = this.#locator.keepFrom(data, this.#from - LOOKBACK);
      this.#locator.rebase(data, keep);
      this.#from -= keep;
      this.#work.copyWithin(0, keep, length);
    }
    this.#length = length - keep;
    return findings;
  }

  end(): Finding[] {
    const findings = this.#scan(this.#work.subarray(0, this.#length), this.#from, this.#length);
    this.#work = EMPTY;
    this.#length = 0;
    this.#from = 0;
    return findings;
  }

  /**
   * The whole input at once: no copy, and lines are counted only up to the last key. `from` may
   * skip bytes known to hold no needle.
   */
  scanAll(bytes: Uint8Array, from = 0): Finding[] {
    return this.#scan(asBuffer(bytes), from, bytes.length);
  }

  #scan(data: Buffer, from: number, to: number): Finding[] {
    const findings: Finding[] = [];
    for (const hit of findKeyHits(data, from, to, this.#diffLines)) {
      const place = this.#locator.locate(data, hit.offset);
      if (place) findings.push(makeFinding(hit, place));
    }
    return findings;
  }
}
