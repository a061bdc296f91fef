/**
 * Counts occurrences of a byte string across a stream of chunks (a marker split between two chunks
 * still counts once). Used for cheap figures: commits in `git log`, file sections in a diff.
 */
export class MarkerCounter {
  readonly #marker: Buffer;
  #carry: Buffer = Buffer.alloc(0);
  count = 0;

  /** `prime` is text taken to come before the stream, e.g. "\n" so that a line-start marker counts at byte 0. */
  constructor(marker: string, prime = "") {
    this.#marker = Buffer.from(marker);
    this.#carry = Buffer.from(prime);
  }

  write(chunk: Buffer): void {
    const m = this.#marker;
    const k = m.length - 1;
    // Only the seam (the kept tail plus the chunk's first k bytes) can hold a marker split across chunks.
    if (this.#carry.length) {
      const seam = Buffer.concat([this.#carry, chunk.subarray(0, k)]);
      for (let at = seam.indexOf(m); at !== -1; at = seam.indexOf(m, at + 1)) this.count++;
    }
    for (let at = chunk.indexOf(m); at !== -1; at = chunk.indexOf(m, at + m.length)) this.count++;
    const tail = chunk.length >= k ? chunk : Buffer.concat([this.#carry, chunk]);
    this.#carry = Buffer.from(tail.subarray(tail.length - k));
  }
}
