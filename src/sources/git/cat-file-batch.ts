import { CatFileParser, type BlobSink } from "./cat-file-parser.js";
import { openOutputSocket, type OutputSocket } from "./output-socket.js";
import { spawnGit, type GitFilter } from "./spawn-git.js";

/**
 * Requests in flight (per process) before `request` waits for answers, until half are answered:
 * with two readers, about 10,000 changes are pending at most, a few MB.
 */
const MAX_OUTSTANDING = 5_000;

/**
 * With `--buffer`, git writes its answers in stdio-buffer-sized pieces instead of three writes per
 * object (header, content, line feed), each waking the reader: on a history of 20,000 small blobs
 * that was a tenth of the scan (measured). The price is that git holds back the answers in its
 * buffer, at most a few KiB, about 80 objects, until it fills or stdin closes. A wait for answers
 * cannot deadlock as long as it waits for many more than that: `--buffer` is used only then.
 */
const MIN_WAIT_FOR_BUFFERED = 1_000;

export interface CatFileOptions {
  /** Requests in flight before `request` waits; tests make it small. */
  maxOutstanding?: number;
  /** Read git's output from a plain pipe, as where no Unix socket can be made (tests cover that path). */
  plainPipe?: boolean;
}

interface Waiter {
  ready: () => boolean;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * One long-running `git cat-file --batch`: object ids are written to it as they are known, and
 * its answers are parsed as they come and handed to `sink` in the order asked. `request` honours
 * backpressure twice: it waits while git's stdin is full, and while too many requests are
 * unanswered (until half of them are), so a caller that awaits it holds a bounded number of them.
 */
export class CatFileBatch {
  readonly #git: GitFilter;
  readonly #parser: CatFileParser;
  readonly #maxOutstanding: number;
  #asked = 0;
  #waiter: Waiter | null = null;
  #failure: Error | null = null;
  /** Resolves once every answer is parsed and git has exited 0 (call `end` first); rejects on failure. */
  readonly done: Promise<void>;

  /** Starts git; its output is read into one reused buffer where the platform allows (see openOutputSocket). */
  static async start(cwd: string, sink: BlobSink, options: CatFileOptions = {}): Promise<CatFileBatch> {
    const parser = new CatFileParser(sink);
    let batch: CatFileBatch | undefined;
    const onData = (bytes: Buffer) => {
      parser.write(bytes);
      if (batch) batch.#poke();
    };
    const socket = options.plainPipe ? null : await openOutputSocket(onData);
    try {
      batch = new CatFileBatch(cwd, parser, socket, options.maxOutstanding ?? MAX_OUTSTANDING);
      return batch;
    } finally {
      socket?.childEnd.destroy();
    }
  }

  private constructor(
    cwd: string,
    parser: CatFileParser,
    socket: OutputSocket | null,
    maxOutstanding: number,
  ) {
    const buffered = maxOutstanding / 2 >= MIN_WAIT_FOR_BUFFERED;
    this.#git = spawnGit(["cat-file", "--batch", ...(buffered ? ["--buffer"] : [])], cwd, {
      stdin: true,
      stdout: socket?.childEnd,
    });
    this.#parser = parser;
    this.#maxOutstanding = maxOutstanding;
    this.#git.stdin.on("drain", () => this.#poke());
    this.done = this.#run(socket).catch((error: Error) => {
      this.#fail(error);
      throw error;
    });
    // Failures reach the caller through `request` or `done`; until one is awaited, they must not crash.
    this.done.catch(() => {});
  }

  /** Requests not answered yet. */
  get outstanding(): number {
    return this.#asked - this.#parser.answered;
  }

  /** Asks for objects by full id; resolves when git can take more. Await it before the next call. */
  async request(ids: readonly string[]): Promise<void> {
    if (this.#failure) throw this.#failure;
    if (ids.length === 0) return;
    this.#asked += ids.length;
    const stdin = this.#git.stdin;
    if (!stdin.write(ids.join("\n") + "\n")) await this.#until(() => !stdin.writableNeedDrain);
    const low = Math.floor(this.#maxOutstanding / 2);
    if (this.outstanding > this.#maxOutstanding) await this.#until(() => this.outstanding <= low);
  }

  /** No more requests: git answers what it was asked, then exits. */
  end(): void {
    this.#git.stdin.end();
  }

  kill(): void {
    this.#git.kill();
  }

  /** Output arrived or stdin drained: wakes a `request` waiting for either. */
  #poke(): void {
    const w = this.#waiter;
    if (w?.ready()) {
      this.#waiter = null;
      w.resolve();
    }
  }

  async #run(socket: OutputSocket | null): Promise<void> {
    await Promise.all([socket ? socket.ended : this.#readPipe(), this.#git.done]);
    this.#parser.end();
    if (this.outstanding > 0) throw new Error("git cat-file exited before answering every request");
  }

  async #readPipe(): Promise<void> {
    for await (const chunk of this.#git.stdout as AsyncIterable<Buffer>) {
      this.#parser.write(chunk);
      this.#poke();
    }
  }

  #until(ready: () => boolean): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#waiter = { ready, resolve, reject };
      this.#poke();
    });
  }

  #fail(error: Error): void {
    this.#failure = error;
    this.#git.kill();
    this.#waiter?.reject(error);
    this.#waiter = null;
  }
}
