import { describe, expect, it } from "vitest";
import { scanDiff, type Finding } from "../../src/detect/index.js";
import { makeKey, fp } from "./make-key.js";

const seen = (f: Finding) => [f.path, f.line, f.column, f.encoding, f.fingerprint];

describe("scanDiff", () => {
  const [k1, k2, k3, k4, k5] = Array.from({ length: 5 }, () => makeKey());
  const diff = [
    "diff --git a/src/a.ts b/src/a.ts",
    "index 1111111..2222222 100644",
    "--- a/src/a.ts",
    "+++ b/src/a.ts",
    "@@ -1,4 +1,5 @@ export function a() {",
    " const a = 1;",
    `-const old = "${k1}";`,
    `+const key = "${k2}";`,
    `+  // and ${k3}`,
    " const b = 2;",
    ` const unchanged = "${k4}";`,
    "@@ -10,2 +11,3 @@",
    " x",
    "+y",
    `+z = '${k5}'`,
    " w",
    "",
  ].join("\n");

  it("reports keys on added lines with the new file's path and line", () => {
    expect(scanDiff(diff).map(seen)).toEqual([
      ["src/a.ts", 2, 14, "plain", fp(k2)],
      ["src/a.ts", 3, 10, "plain", fp(k3)],
      ["src/a.ts", 13, 6, "plain", fp(k5)],
    ]);
  });

  it("reports removed lines too when asked, with the old file's line", () => {
    expect(scanDiff(diff, { includeRemoved: true }).map(seen)).toEqual([
      ["src/a.ts", 2, 14, "plain", fp(k1)],
      ["src/a.ts", 2, 14, "plain", fp(k2)],
      ["src/a.ts", 3, 10, "plain", fp(k3)],
      ["src/a.ts", 13, 6, "plain", fp(k5)],
    ]);
  });

  it("reads bytes as well as strings", () => {
    expect(scanDiff(Buffer.from(diff)).map(seen)).toEqual(scanDiff(diff).map(seen));
  });

  it("handles new and deleted files (/dev/null)", () => {
    const [a, b] = [makeKey(), makeKey()];
    const d = [
      "diff --git a/new.env b/new.env",
      "new file mode 100644",
      "--- /dev/null",
      "+++ b/new.env",
      "@@ -0,0 +1,2 @@",
      "+A=1",
      `+MOLTBOOK_API_KEY=${a}`,
      "diff --git a/gone.env b/gone.env",
      "deleted file mode 100644",
      "--- a/gone.env",
      "+++ /dev/null",
      "@@ -1 +0,0 @@",
      `-MOLTBOOK_API_KEY=${b}`,
      "",
    ].join("\n");
    expect(scanDiff(d).map(seen)).toEqual([["new.env", 2, 18, "plain", fp(a)]]);
    expect(scanDiff(d, { includeRemoved: true }).map(seen)).toEqual([
      ["new.env", 2, 18, "plain", fp(a)],
      ["gone.env", 1, 18, "plain", fp(b)],
    ]);
  });

  it.each([
    ["a quoted path with octal UTF-8", '"b/caf\\303\\251 \\"x\\".txt"', 'café "x".txt'],
    ["a path with spaces and git's trailing tab", "b/my file.txt\t", "my file.txt"],
    ["a GNU diff timestamp", "b/f.txt\t2024-01-01 10:00:00.000000000 +0000", "f.txt"],
    ["a path without prefix", "plain.txt", "plain.txt"],
  ])("reads %s", (_name, raw, path) => {
    const key = makeKey();
    const d = `--- a/x\n+++ ${raw}\n@@ -0,0 +1 @@\n+${key}\n`;
    expect(scanDiff(d).map(seen)).toEqual([[path, 1, 1, "plain", fp(key)]]);
  });

  it("is not fooled by added lines that look like headers", () => {
    const [a, b] = [makeKey(), makeKey()];
    const d = [
      "--- a/notes.md",
      "+++ b/notes.md",
      "@@ -1,2 +1,4 @@",
      "-- an SQL comment that was removed",
      `+++ b/${a}`, // an added line whose text is "++ b/<key>"
      "+@@ -1 +1 @@",
      " --- context",
      `+${b}`,
      "",
    ].join("\n");
    expect(scanDiff(d).map(seen)).toEqual([
      ["notes.md", 1, 6, "plain", fp(a)],
      ["notes.md", 4, 1, "plain", fp(b)],
    ]);
  });

  it("ignores keys in headers, in hunk headers and on context lines", () => {
    const [a, b, c] = [makeKey(), makeKey(), makeKey()];
    const d = `diff --git a/${a} b/${a}\n--- a/${a}\n+++ b/${a}\n@@ -1 +1 @@ const k = "${b}"\n ${c}\n`;
    expect(scanDiff(d)).toEqual([]);
  });

  it("handles CRLF diffs and a missing newline at the end", () => {
    const key = makeKey();
    const d = `--- a/w.txt\r\n+++ b/w.txt\r\n@@ -1 +1,2 @@\r\n-x\r\n+y\r\n+k=${key}\r\n\\ No newline at end of file\r\n`;
    expect(scanDiff(d).map(seen)).toEqual([["w.txt", 2, 3, "plain", fp(key)]]);
  });

  it("reads GitHub patches given file headers", () => {
    const key = makeKey();
    const patch = `@@ -3,0 +4,2 @@ module.exports = {\n+  a: 1,\n+  key: "${key}",`;
    expect(scanDiff(`--- a/cfg.js\n+++ b/cfg.js\n${patch}\n`).map(seen)).toEqual([
      ["cfg.js", 5, 9, "plain", fp(key)],
    ]);
  });

  it("joins literals across added lines and decodes base64 at the start of a line", () => {
    const [a, b] = [makeKey(), makeKey()];
    const d = [
      "--- a/k.js",
      "+++ b/k.js",
      "@@ -0,0 +1,3 @@",
      `+const k = "${a.slice(0, 20)}" +`,
      `+  "${a.slice(20)}";`,
      `+${Buffer.from(b).toString("base64")}`,
      "",
    ].join("\n");
    expect(scanDiff(d).map(seen)).toEqual([
      ["k.js", 1, 12, "concatenation", fp(a)],
      ["k.js", 3, 1, "base64", fp(b)],
    ]);
  });
});
