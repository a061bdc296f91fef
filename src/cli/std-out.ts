import { fstatSync, writeSync } from "node:fs";

type Fd = 1 | 2;

/** Set for a descriptor once a write would have blocked: from then on its text goes through the stream, in order. */
const viaStream = new Set<Fd>();

/**
 * Writes to standard output or error without Node's stream objects where it can. On a pipe,
 * process.stdout is a socket, and creating it loads Node's net and stream modules: measured ~10 ms
 * of a run that takes 100-150 ms in all (a pre-commit hook, a CI step). So text goes out in blocking
 * writes; where the descriptor would block (a non-blocking pipe: EAGAIN), the rest goes through the
 * stream, so nothing is lost. A reader that has gone (`| head`) ends the output quietly.
 */
export function writeStdout(text: string): void {
  write(1, text);
}

export function writeStderr(text: string): void {
  write(2, text);
}

function write(fd: Fd, text: string): void {
  const bytes = Buffer.from(text);
  let done = 0;
  if (!viaStream.has(fd)) {
    try {
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EPIPE") return;
      if (code !== "EAGAIN") throw error;
      viaStream.add(fd);
    }
  }
  stream(fd).write(bytes.subarray(done));
}

function stream(fd: Fd): NodeJS.WriteStream {
  const s = fd === 1 ? process.stdout : process.stderr;
  if (s.listenerCount("error") === 0) s.on("error", ignoreClosedReader);
  return s;
}

/** Whether the descriptor is a terminal, without creating its stream for a file or a pipe. */
export function isTerminal(fd: Fd): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return stream(fd).isTTY === true;
}

/** For output that goes through the streams themselves (the simulator's console). */
export function ignoreClosedReader(error: NodeJS.ErrnoException): void {
  if (error.code !== "EPIPE") throw error;
}
