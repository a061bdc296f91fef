import { isProbablyBinary, scanBuffer, StreamScanner, type Finding } from "../../detect/index.js";
import type { BlobSink } from "./cat-file-parser.js";

/**
 * Called once per object asked for: its findings (none for a binary or absent one), its size, and
 * whether it was skipped as binary.
 */
export type OnBlob = (id: string, findings: Finding[], bytes: number, binary: boolean) => void;

/** The detector's streaming scanners pay a fixed cost per write: large blobs go in pieces this big. */
const STREAM_PIECE = 1 << 20;

/**
 * Scans the blobs cat-file hands over, as the directory scan scans files: binaries (by content)
 * are skipped, small blobs are scanned whole, large ones through a StreamScanner fed 1 MiB pieces
 * from one reused buffer. Findings have no path and no commit: the same blob can be at many.
 */
export class BlobScanner implements BlobSink {
  readonly #onBlob: OnBlob;
  #id = "";
  #size = 0;
  #scanner: StreamScanner | null = null;
  #findings: Finding[] = [];
  #binary = false;
  #staging: Buffer | null = null;
  #staged = 0;
  #flushed = 0;

  constructor(onBlob: OnBlob) {
    this.#onBlob = onBlob;
  }

  whole(id: string, content: Buffer): void {
    const binary = isProbablyBinary(content);
    this.#onBlob(id, binary ? [] : scanBuffer(content), content.length, binary);
  }

  start(id: string, size: number): void {
    this.#id = id;
    this.#size = size;
    this.#scanner = new StreamScanner();
    this.#findings = [];
    this.#binary = false;
    this.#staging ??= Buffer.allocUnsafe(STREAM_PIECE);
    this.#staged = 0;
    this.#flushed = 0;
  }

  piece(bytes: Buffer): void {
    const staging = this.#staging as Buffer;
    for (let at = 0; at < bytes.length && !this.#binary;) {
      const n = Math.min(bytes.length - at, staging.length - this.#staged);
      bytes.copy(staging, this.#staged, at, at + n);
      this.#staged += n;
      at += n;
      if (this.#staged === staging.length) this.#flush();
    }
  }

  finish(): void {
    this.#flush();
    const scanner = this.#scanner as StreamScanner;
    if (!this.#binary) this.#findings.push(...scanner.end());
    this.#scanner = null;
    this.#onBlob(this.#id, this.#findings, this.#size, this.#binary);
  }

  absent(id: string): void {
    this.#onBlob(id, [], 0, false);
  }

  #flush(): void {
    if (this.#staged === 0 || this.#binary) return;
    const piece = (this.#staging as Buffer).subarray(0, this.#staged);
    // The first piece holds the blob's first 8 KiB (a piece is 1 MiB, or the whole blob).
    if (this.#flushed === 0 && isProbablyBinary(piece)) this.#binary = true;
    else this.#findings.push(...(this.#scanner as StreamScanner).write(piece));
    this.#flushed += this.#staged;
    this.#staged = 0;
  }
}
