import { countChars } from "./count-chars.js";
import type { Locator, Place } from "./locator.js";

/** Lines and columns in one file. Counts line feeds only up to hits and to where chunks are cut. */
export class LineLocator implements Locator {
  readonly #path: string;
  /** A base point: its offset in the current buffer, its line, and its column (characters before it). */
  #off = 0;
  #line = 1;
  #col = 0;

  constructor(path: string) {
    this.#path = path;
  }

  locate(data: Buffer, at: number): Place {
    const { line, start } = this.#walk(data, at);
    if (start < 0) return { path: this.#path, line, column: this.#col + countChars(data, this.#off, at) + 1 };
    this.#off = start;
    this.#line = line;
    this.#col = 0;
    return { path: this.#path, line, column: countChars(data, start, at) + 1 };
  }

  keepFrom(_data: Buffer, want: number): number {
    return want;
  }

  rebase(data: Buffer, to: number): void {
    if (to > this.#off) {
      const { line, start } = this.#walk(data, to);
      this.#col = start < 0 ? this.#col + countChars(data, this.#off, to) : countChars(data, start, to);
      this.#line = line;
      this.#off = to;
    }
    this.#off -= to;
  }

  /** The line of `at`, and the start of that line if it is after the base point (else -1). */
  #walk(data: Buffer, at: number): { line: number; start: number } {
    let line = this.#line;
    let start = -1;
    const view = data.subarray(0, at); // so a search on a long line stops at `at`
    let nl = view.indexOf(10, this.#off);
    while (nl !== -1) {
      line++;
      start = nl + 1;
      nl = view.indexOf(10, start);
    }
    return { line, start };
  }
}
