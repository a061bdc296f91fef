import { redactKeys } from "../../detect/index.js";

/**
 * The `--format` of the raw log a history scan reads (`git log --raw -z --format=RAW_LOG_FORMAT`):
 * `commit <full sha>`, a line feed, the raw message (`%B`) and a NUL, which cannot occur in a
 * message. With `-z`, git separates the parts with NULs and leaves paths unquoted.
 */
export const RAW_LOG_FORMAT = "commit %H%n%B%x00";

/** One line of `--raw` output: a file a commit added, changed or deleted. */
export interface RawChange {
  oldMode: string;
  newMode: string;
  /** Full object ids; all zeros for the side that does not exist. */
  oldId: string;
  newId: string;
  /** `A`, `M`, `D`, `T`…, with the similarity score of a rename or copy if git gave one. */
  status: string;
  path: string;
}

export type RawLogItem = { kind: "commit"; sha: string; message: Buffer } | ({ kind: "change" } & RawChange);

const NUL = 0;
const LF = 10;
const COLON = 0x3a;
const COMMIT = "commit ";
const SPACE = 0x20;
/** After the colon: two 6-digit modes and a space each, then the old id (SHA-1 or SHA-256). */
const OLD_ID = 14;
const STATUS = /^[A-Z]\d*$/;

type State = "between" | "commit" | "message" | "header" | "path";

/**
 * Reads `git log --raw -z --no-abbrev --format=RAW_LOG_FORMAT` in chunks cut anywhere. Between
 * records there are only NULs and line feeds; a record is a commit (`commit SHA\n` + message +
 * NUL) or a change (`:modes ids status` NUL path NUL, two paths for a rename or copy).
 */
export class RawLogParser {
  #state: State = "between";
  /** The token read so far when a chunk ends inside it. */
  #parts: Buffer[] = [];
  #sha = "";
  #change: Omit<RawChange, "path"> | null = null;
  #pathsLeft = 0;

  write(chunk: Buffer): RawLogItem[] {
    const items: RawLogItem[] = [];
    let at = 0;
    while (at < chunk.length) {
      if (this.#state === "between") {
        const c = chunk[at];
        if (c === NUL || c === LF) {
          at++;
          continue;
        }
        this.#state = c === COLON ? "header" : "commit";
        if (c === COLON) at++;
        continue;
      }
      const end = chunk.indexOf(this.#state === "commit" ? LF : NUL, at);
      if (end < 0) {
        this.#parts.push(Buffer.from(chunk.subarray(at)));
        break;
      }
      const token = this.#take(chunk.subarray(at, end));
      at = end + 1;
      const item = this.#token(token);
      if (item) items.push(item);
    }
    return items;
  }

  /** Throws if git's output stopped inside a record. */
  end(): void {
    if (this.#state !== "between" || this.#parts.length > 0) {
      throw new Error("git log's output ended in the middle of a commit. To resolve, run the scan again.");
    }
  }

  #take(tail: Buffer): Buffer {
    if (this.#parts.length === 0) return tail;
    this.#parts.push(tail);
    const token = Buffer.concat(this.#parts);
    this.#parts = [];
    return token;
  }

  #token(token: Buffer): RawLogItem | null {
    switch (this.#state) {
      case "commit": {
        const line = token.toString("latin1");
        if (!line.startsWith(COMMIT)) throw unexpected(line);
        this.#sha = line.slice(COMMIT.length);
        this.#state = "message";
        return null;
      }
      case "message":
        this.#state = "between";
        return { kind: "commit", sha: this.#sha, message: token };
      case "header": {
        this.#change = parseHeader(token);
        this.#pathsLeft = /^[RC]/.test(this.#change.status) ? 2 : 1;
        this.#state = "path";
        return null;
      }
      default: {
        if (--this.#pathsLeft > 0) return null; // a rename's or copy's source: the change is at its target
        this.#state = "between";
        return { kind: "change", ...(this.#change as Omit<RawChange, "path">), path: token.toString("utf8") };
      }
    }
  }
}

/** `100644 100644 <old id> <new id> M` (the colon already read), by position: no regex per file. */
function parseHeader(token: Buffer): Omit<RawChange, "path"> {
  const idEnd = token.indexOf(SPACE, OLD_ID);
  const idLength = idEnd - OLD_ID;
  const newEnd = idEnd + 1 + idLength;
  const status = token.toString("latin1", newEnd + 1);
  if (
    (idLength !== 40 && idLength !== 64) ||
    token[6] !== SPACE ||
    token[13] !== SPACE ||
    token[newEnd] !== SPACE ||
    !STATUS.test(status)
  ) {
    throw unexpected(`:${token.toString("latin1")}`);
  }
  return {
    oldMode: token.toString("latin1", 0, 6),
    newMode: token.toString("latin1", 7, 13),
    oldId: token.toString("latin1", OLD_ID, idEnd),
    newId: token.toString("latin1", idEnd + 1, newEnd),
    status,
  };
}

/** Out of step, the "line" may be a commit message: nothing key-shaped is quoted as it came. */
function unexpected(line: string): Error {
  return new Error(
    `git log printed a line a history scan does not understand (${JSON.stringify(redactKeys(line).slice(0, 80))}). ` +
      "To resolve, check that git is 2.x and that no wrapper script changes its output.",
  );
}
