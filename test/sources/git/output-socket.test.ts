import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openOutputSocket } from "../../../src/sources/git/output-socket.js";

// Writes 3 MB of numbered lines to stdout, in writes of many sizes.
const WRITER = `
let s = ""; for (let i = 0; i < 200000; i++) s += i + "\\n";
const b = Buffer.from(s); let at = 0, n = 1;
while (at < b.length) { process.stdout.write(b.subarray(at, at + n)); at += n; n = (n * 7 + 3) % 70000 + 1; }
`;
const expected = () => {
  let s = "";
  for (let i = 0; i < 200000; i++) s += i + "\n";
  return createHash("sha256").update(s).digest("hex");
};

/** Runs the writer with the socket as its stdout. */
function runWriter(onData: (bytes: Buffer) => void) {
  return openOutputSocket(onData, 1 << 16).then((socket) => {
    if (!socket) throw new Error("no Unix socket on this platform");
    const child = spawn(process.execPath, ["-e", WRITER], { stdio: ["ignore", socket.childEnd, "inherit"] });
    socket.childEnd.destroy();
    return { child, ended: socket.ended };
  });
}

describe.skipIf(process.platform === "win32")("openOutputSocket", () => {
  it("hands over everything a child writes, in order, through one reused buffer", async () => {
    const hash = createHash("sha256");
    const buffers = new Set<ArrayBufferLike>();
    const { ended } = await runWriter((bytes) => {
      hash.update(bytes);
      buffers.add(bytes.buffer);
    });
    await ended;
    expect(hash.digest("hex")).toBe(expected());
    expect(buffers.size).toBe(1);
  });

  it("rejects `ended` with the error the reader threw, and stops reading", async () => {
    let calls = 0;
    const { child, ended } = await runWriter(() => {
      calls++;
      throw new Error("parser says no");
    });
    await expect(ended).rejects.toThrow("parser says no");
    expect(calls).toBe(1);
    child.kill();
  });
});
