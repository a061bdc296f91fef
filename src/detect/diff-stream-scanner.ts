import { ChunkedScanner } from "./chunked-scanner.js";
import { DiffLocator } from "./diff-locator.js";
import type { Finding } from "./finding.js";

export interface DiffScanOptions {
  /** Also report keys on removed lines (with the old file's path and line). Default: added only. */
  includeRemoved?: boolean;
}

/**
 * Scans a unified diff, or the output of `git log -p … --format=GIT_LOG_FORMAT`, fed in chunks of
 * any size. Keys on added lines are reported with the new file's path and line number, keys in
 * commit messages with the path "(commit message)"; every finding under a commit carries its SHA.
 */
export class DiffStreamScanner {
  readonly #core: ChunkedScanner;

  constructor(options: DiffScanOptions = {}) {
    this.#core = new ChunkedScanner(new DiffLocator(options.includeRemoved === true), true);
  }

  write(chunk: Uint8Array): Finding[] {
    return this.#core.write(chunk);
  }

  /** Room to read up to `bytes` of input into directly; see ChunkedScanner.reserve. */
  reserve(bytes: number): Buffer {
    return this.#core.reserve(bytes);
  }

  /** Scans the first `bytes` of the room reserve() gave. */
  commit(bytes: number): Finding[] {
    return this.#core.commit(bytes);
  }

  end(): Finding[] {
    return this.#core.end();
  }
}
