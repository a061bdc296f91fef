import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanDiffFile } from "../../../src/sources/files/scan-diff-file.js";
import { makeKey } from "../../support/cli/keys.js";
import { makeTempDir, removeTempDir } from "../../support/cli/temp-dir.js";

describe("scanDiffFile", () => {
  let dir: string;
  beforeAll(() => (dir = makeTempDir("mg-diff-file-")));
  afterAll(() => removeTempDir(dir));

  /** A diff whose one key sits past several read chunks, on an added line and on a removed one. */
  function writeDiff(): { path: string; added: string; removed: string; bytes: number } {
    const added = makeKey();
    const removed = makeKey();
    const filler = Array.from({ length: 150_000 }, (_, i) => `+line ${i} of filler text\n`).join("");
    const text =
      "diff --git a/big.txt b/big.txt\nnew file mode 100644\n--- /dev/null\n+++ b/big.txt\n" +
      `@@ -0,0 +1,150001 @@\n${filler}+token = "${added}"\n` +
      `diff --git a/old.env b/old.env\n--- a/old.env\n+++ b/old.env\n@@ -1 +0,0 @@\n-KEY=${removed}\n`;
    const path = join(dir, "change.diff");
    writeFileSync(path, text);
    return { path, added, removed, bytes: Buffer.byteLength(text) };
  }

  it("reads the file in chunks and places keys on added lines, removed ones only when asked", () => {
    const diff = writeDiff();
    expect(diff.bytes).toBeGreaterThan(3 << 20);
    const added = scanDiffFile(diff.path, { includeRemoved: false });
    expect(added.bytes).toBe(diff.bytes);
    expect(added.findings.map((f) => [f.path, f.line, f.column])).toEqual([["big.txt", 150_001, 10]]);
    const both = scanDiffFile(diff.path, { includeRemoved: true });
    expect(both.findings.map((f) => [f.path, f.line, f.column])).toEqual([
      ["big.txt", 150_001, 10],
      ["old.env", 1, 5],
    ]);
  });

  it("throws the system error for a missing file", () => {
    expect(() => scanDiffFile(join(dir, "nope.diff"), { includeRemoved: false })).toThrow(
      expect.objectContaining({ code: "ENOENT" }),
    );
  });
});
