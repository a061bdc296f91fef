import { mkdtempSync, rmSync } from "node:fs";
import { connect, createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface OutputSocket {
  /** Pass this to the child as its stdout, then destroy it: the child has its own copy. */
  childEnd: Socket;
  /** Resolves once the child's end is closed and all it wrote was handed over; rejects on error. */
  ended: Promise<void>;
}

/**
 * A connected pair of Unix sockets: a child process writes into one end and `onData` receives
 * what it wrote, read into one reused buffer (a view valid only during the call). Node reads a
 * child's stdout pipe into a fresh 64 KiB buffer per read instead; on tens of MB of blobs those
 * buffers (zero-filled, fresh pages, then garbage) cost more CPU than scanning the blobs did,
 * measured on this project's 2-core machine. The buffer need not be large: a read returns at most
 * what the socket holds, some 200 KiB. Resolves to null where no Unix socket can be made
 * (Windows, an unwritable temporary directory): the caller then reads a plain pipe.
 */
export async function openOutputSocket(
  onData: (bytes: Buffer) => void,
  bufferSize = 1 << 18,
): Promise<OutputSocket | null> {
  if (process.platform === "win32") return null;
  let dir: string;
  try {
    // A private directory (mode 0700): no other user can connect to the socket in it.
    dir = mkdtempSync(join(tmpdir(), "mg-git-"));
  } catch {
    return null;
  }
  const server = createServer();
  let ours: Socket | undefined;
  try {
    const path = join(dir, "out");
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(path, resolve);
    });
    const accepted = new Promise<Socket>((resolve) => server.once("connection", resolve));
    const buffer = Buffer.allocUnsafe(bufferSize);
    const reader = connect({
      path,
      onread: {
        buffer,
        callback: (n: number) => {
          try {
            onData(buffer.subarray(0, n));
          } catch (error) {
            reader.destroy(error as Error);
          }
          return true; // keep reading: onData is done with the bytes
        },
      },
    });
    ours = reader;
    const ended = new Promise<void>((resolve, reject) => {
      reader.once("end", resolve);
      reader.once("error", reject);
      // Settles nothing after `end` or `error`; otherwise the output was cut short.
      reader.once("close", () => reject(new Error("the output socket closed before the end")));
    });
    ended.catch(() => {}); // awaited by the caller; must not crash the process before that
    const childEnd = await Promise.race([accepted, ended.then(() => Promise.reject(new Error("closed")))]);
    return { childEnd, ended };
  } catch {
    ours?.destroy();
    return null;
  } finally {
    server.close();
    // The connected sockets outlive their name.
    rmSync(dir, { recursive: true, force: true });
  }
}
