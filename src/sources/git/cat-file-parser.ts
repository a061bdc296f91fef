import { redactKeys } from "../../detect/index.js";

/** Receives the objects of a `git cat-file --batch` answer, in the order they were asked for. */
export interface BlobSink {
  /** A blob of at most `wholeMax` bytes, whole. `content` is valid only during the call. */
  whole(id: string, content: Buffer): void;
  /** A larger blob arrives in pieces: `start`, `piece` for each (valid only during the call), `finish`. */
  start(id: string, size: number): void;
  piece(bytes: Buffer): void;
  finish(): void;
  /** An object that is not a blob: `missing`, `ambiguous`, or another type (its content skipped). */
  absent(id: string, what: string): void;
}

const LF = 10;
const HEADER = /^(\S+) (\S+) (\d+)$/;
const NO_OBJECT = /^(\S+) (missing|ambiguous)$/;
/** Larger blobs are streamed; a whole one is assembled in a buffer of at most this size. */
const WHOLE_BLOB_MAX = 4 << 20;

type State = "header" | "whole" | "stream" | "skip" | "trailer";

/**
 * Parses `git cat-file --batch` output (`<id> <type> <size>\n<content>\n`, or `<id> missing\n`)
 * fed in chunks cut anywhere. A blob that lies within one chunk is handed over without a copy;
 * one cut by a chunk boundary is assembled in a single reused buffer; one over `wholeMax` bytes
 * is passed on piece by piece, so memory stays flat whatever the blob's size.
 */
export class CatFileParser {
  readonly #sink: BlobSink;
  readonly #wholeMax: number;
  #state: State = "header";
  #header: Buffer[] = [];
  #id = "";
  /** Content bytes still to come for the current object. */
  #left = 0;
  #assembly: Buffer = Buffer.alloc(0);
  #assembled = 0;
  /** Objects answered so far (blobs, missing or not, and other types). */
  answered = 0;

  constructor(sink: BlobSink, wholeMax = WHOLE_BLOB_MAX) {
    this.#sink = sink;
    this.#wholeMax = wholeMax;
  }

  write(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      switch (this.#state) {
        case "header": {
          const eol = chunk.indexOf(LF, at);
          if (eol < 0) {
            this.#header.push(Buffer.from(chunk.subarray(at)));
            return;
          }
          this.#header.push(chunk.subarray(at, eol));
          at = eol + 1;
          const line = Buffer.concat(this.#header).toString("latin1");
          this.#header = [];
          at = this.#begin(line, chunk, at);
          break;
        }
        case "whole": {
          const n = Math.min(this.#left, chunk.length - at);
          chunk.copy(this.#assembly, this.#assembled, at, at + n);
          this.#assembled += n;
          this.#left -= n;
          at += n;
          if (this.#left === 0) {
            this.#sink.whole(this.#id, this.#assembly.subarray(0, this.#assembled));
            this.#state = "trailer";
          }
          break;
        }
        case "stream":
        case "skip": {
          const n = Math.min(this.#left, chunk.length - at);
          if (this.#state === "stream") this.#sink.piece(chunk.subarray(at, at + n));
          this.#left -= n;
          at += n;
          if (this.#left === 0) {
            if (this.#state === "stream") this.#sink.finish();
            this.#state = "trailer";
          }
          break;
        }
        case "trailer":
          if (chunk[at] !== LF) throw garbled("no line feed after an object");
          at++;
          this.answered++;
          this.#state = "header";
          break;
      }
    }
  }

  /** Throws if git's output stopped inside an object. */
  end(): void {
    if (this.#state !== "header" || this.#header.length > 0) throw garbled("output ended inside an object");
  }

  /** Starts the object `line` announces, whose content starts at `at`; returns where parsing goes on. */
  #begin(line: string, chunk: Buffer, at: number): number {
    const none = NO_OBJECT.exec(line);
    if (none) {
      this.#sink.absent(none[1], none[2]);
      this.answered++;
      return at;
    }
    const m = HEADER.exec(line);
    // Out of step, the "header" may be blob content: nothing key-shaped is quoted as it came.
    if (!m) throw garbled(`unexpected header ${JSON.stringify(redactKeys(line).slice(0, 80))}`);
    const [, id, type, sizeText] = m;
    const size = Number(sizeText);
    this.#id = id;
    this.#left = size;
    if (type !== "blob") {
      this.#sink.absent(id, type);
      this.#state = size === 0 ? "trailer" : "skip";
    } else if (size > this.#wholeMax) {
      this.#sink.start(id, size);
      this.#state = "stream";
    } else if (at + size <= chunk.length) {
      this.#sink.whole(id, chunk.subarray(at, at + size));
      this.#state = "trailer";
      return at + size;
    } else {
      if (this.#assembly.length < size) {
        this.#assembly = Buffer.allocUnsafe(
          Math.min(this.#wholeMax, Math.max(size, 2 * this.#assembly.length)),
        );
      }
      this.#assembled = 0;
      this.#state = "whole";
    }
    return at;
  }
}

function garbled(what: string): Error {
  return new Error(
    `git cat-file --batch gave output a history scan cannot read (${what}). To resolve, run the scan again.`,
  );
}
