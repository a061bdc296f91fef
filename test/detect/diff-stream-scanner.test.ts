import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DiffStreamScanner, GIT_LOG_FORMAT, scanDiff, type Finding } from "../../src/detect/index.js";
import { makeKey, fp } from "./make-key.js";
import { filler, keyForms } from "./sample-text.js";

type Seen = (string | number | undefined)[];
const seen = (f: Finding): Seen => [f.commit, f.path, f.line, f.column, f.encoding, f.fingerprint];

function streamed(buf: Buffer, cuts: number[], includeRemoved = false): Seen[] {
  const scanner = new DiffStreamScanner({ includeRemoved });
  const out: Finding[] = [];
  let at = 0;
  for (const cut of [...cuts, buf.length]) {
    out.push(...scanner.write(Buffer.from(buf.subarray(at, cut))));
    at = cut;
  }
  out.push(...scanner.end());
  return out.map(seen);
}

/**
 * A diff of `files` new files, each a hunk of filler (up to `size` lines), with a key in each form
 * in every `every`-th file.
 */
function bigDiff(files: number, size = 5, every = 1): Buffer {
  const parts: string[] = [];
  for (let i = 0; i < files; i++) {
    const form = i % every === 0 ? keyForms()[(i / every) % 8].text + "\n" : "";
    const lines = (filler(i % size, i) + form + filler(i % 3, i + 1)).trimEnd().split("\n");
    parts.push(
      `diff --git a/f${i}.txt b/f${i}.txt\nnew file mode 100644\n--- /dev/null\n+++ b/f${i}.txt\n`,
      `@@ -0,0 +1,${lines.length} @@\n`,
      lines.map((l) => "+" + l + "\n").join(""),
    );
  }
  return Buffer.from(parts.join(""));
}

describe("DiffStreamScanner", () => {
  it("finds each key once wherever two chunks meet, headers included", () => {
    const key = makeKey();
    const head = bigDiff(6).toString();
    const tail = `diff --git a/z.txt b/z.txt\n--- a/z.txt\n+++ b/z.txt\n@@ -1,2 +1,3 @@\n ctx\n-old\n+new = "${key}"\n+after\n ctx\n`;
    const buf = Buffer.from(head + tail);
    const expected = scanDiff(buf).map(seen);
    expect(expected.at(-1)).toEqual([undefined, "z.txt", 2, 8, "plain", fp(key)]);
    for (let cut = head.length - 3; cut < buf.length; cut++)
      expect(streamed(buf, [cut]), `cut at ${cut}`).toEqual(expected);
  });

  it("keeps paths and lines right when chunks are cut at hunk headers", () => {
    const buf = bigDiff(400, 90, 5);
    const expected = scanDiff(buf).map(seen);
    expect(expected.map((s) => s[1])).toEqual(Array.from({ length: 80 }, (_, i) => `f${i * 5}.txt`));
    for (const size of [4096, 16_384, 65_536]) {
      const cuts = Array.from({ length: Math.floor((buf.length - 1) / size) }, (_, i) => (i + 1) * size);
      expect(streamed(buf, cuts), `chunks of ${size}`).toEqual(expected);
    }
  });

  it("matches scanDiff over many files and random chunk sizes", () => {
    const buf = bigDiff(120);
    const expected = scanDiff(buf).map(seen);
    expect(expected).toHaveLength(120);
    expect(expected.every((s, i) => s[1] === `f${i}.txt`)).toBe(true);
    for (const maxChunk of [3, 200, 5000, 100_000]) {
      const cuts: number[] = [];
      for (let at = 0; ;) {
        at += 1 + Math.floor(Math.random() * maxChunk);
        if (at >= buf.length) break;
        cuts.push(at);
      }
      expect(streamed(buf, cuts)).toEqual(expected);
    }
  });
});

describe("DiffStreamScanner filled in place (reserve, then commit)", () => {
  it("finds what write() finds, whatever room is reserved and however little of it is filled", () => {
    for (const [files, room, fill] of [
      [300, 1 << 16, 1 << 16],
      [300, 1 << 20, 4093],
      [300, 1 << 20, 1 << 20],
      [12, 4096, 1],
    ]) {
      const buf = bigDiff(files, 60, 4);
      const expected = scanDiff(buf).map(seen);
      expect(expected.length).toBeGreaterThan(2);
      const scanner = new DiffStreamScanner();
      const out: Finding[] = [];
      for (let at = 0; at < buf.length;) {
        const into = scanner.reserve(room);
        expect(into.length).toBe(room);
        const n = buf.copy(into, 0, at, Math.min(buf.length, at + fill));
        out.push(...scanner.commit(n));
        at += n;
      }
      out.push(...scanner.end());
      expect(out.map(seen), `room ${room}, fill ${fill}`).toEqual(expected);
    }
  });
});

describe("DiffStreamScanner on large hunks and long lines", () => {
  it("counts lines through a hunk longer than what a stream keeps", () => {
    const [a, b] = [makeKey(), makeKey()];
    const lines = Array.from({ length: 20_000 }, (_, i) => `+line ${i} ${"x".repeat(40)}`);
    lines[14_999] = `+k = "${a}"`;
    lines[19_998] = `+${b}`;
    const d = `--- /dev/null\n+++ b/big.txt\n@@ -0,0 +1,20000 @@\n${lines.join("\n")}\n`;
    const buf = Buffer.from(d + `--- a/s.txt\n+++ b/s.txt\n@@ -7 +7 @@\n-x\n+${a}\n`);
    const expected = [
      [undefined, "big.txt", 15_000, 6, "plain", fp(a)],
      [undefined, "big.txt", 19_999, 1, "plain", fp(b)],
      [undefined, "s.txt", 7, 1, "plain", fp(a)],
    ];
    expect(scanDiff(buf).map(seen)).toEqual(expected);
    const cuts = Array.from({ length: Math.floor(buf.length / 65_536) }, (_, i) => (i + 1) * 65_536);
    expect(streamed(buf, cuts)).toEqual(expected);
  });

  it("keeps the column on an added line longer than a chunk", () => {
    const key = makeKey();
    const d = `--- a/min.js\n+++ b/min.js\n@@ -1 +1,2 @@\n-old\n+${"é".repeat(150_000)}${key}\n+end\n`;
    const buf = Buffer.from(d);
    const cuts = Array.from({ length: Math.floor(buf.length / 16_384) }, (_, i) => (i + 1) * 16_384);
    expect(streamed(buf, cuts)).toEqual([[undefined, "min.js", 1, 150_001, "plain", fp(key)]]);
  });
});

describe("git log -p with GIT_LOG_FORMAT", () => {
  const dir = mkdtempSync(join(tmpdir(), "detect-git-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const git = (...args: string[]): string =>
    execFileSync("git", ["-c", "commit.gpgsign=false", "-c", "core.quotePath=true", ...args], {
      cwd: dir,
      encoding: "utf8",
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: "t",
        GIT_AUTHOR_EMAIL: "t@example.com",
        GIT_COMMITTER_NAME: "t",
        GIT_COMMITTER_EMAIL: "t@example.com",
        GIT_CONFIG_NOSYSTEM: "1",
        HOME: dir,
      },
    });
  const [k1, k2, k3, k4, k5] = Array.from({ length: 5 }, () => makeKey());
  git("init", "-q", "-b", "main");
  writeFileSync(join(dir, "a.txt"), `one\ntwo\nkey=${k1}\n`);
  git("add", ".");
  git("commit", "-q", "-m", "add config");
  const c1 = git("rev-parse", "HEAD").trim();
  writeFileSync(join(dir, "a.txt"), `one\ntwo\nthree\nfour\nkey=${k2}\n`);
  const message = [
    "rotate key",
    "",
    `the old one was ${k3}`,
    "diff --git a/fake b/fake",
    "+++ b/fake",
    "@@ -1 +1 @@",
    `+${k5}`,
  ].join("\n");
  git("commit", "-q", "-a", "-m", message);
  const c2 = git("rev-parse", "HEAD").trim();
  mkdirSync(join(dir, "dir"));
  writeFileSync(join(dir, "dir", "é x.yaml"), `data:\n  KEY: ${Buffer.from(k4).toString("base64")}\n`);
  git("add", ".");
  git("commit", "-q", "-m", "secret");
  const c3 = git("rev-parse", "HEAD").trim();
  unlinkSync(join(dir, "a.txt"));
  git("commit", "-q", "-a", "-m", "remove a");
  const c4 = git("rev-parse", "HEAD").trim();
  const log = Buffer.from(
    execFileSync(
      "git",
      [
        "log",
        "-p",
        "-U0",
        "--no-renames",
        "--no-textconv",
        "--no-ext-diff",
        "--no-color",
        `--format=${GIT_LOG_FORMAT}`,
        "--all",
      ],
      { cwd: dir },
    ),
  );

  it("reports added lines and message lines with the commit's full SHA", () => {
    const expected = [
      [c3, "dir/é x.yaml", 2, 8, "base64", fp(k4)],
      [c2, "(commit message)", 3, 17, "plain", fp(k3)],
      [c2, "(commit message)", 7, 2, "plain", fp(k5)],
      [c2, "a.txt", 5, 5, "plain", fp(k2)],
      [c1, "a.txt", 3, 5, "plain", fp(k1)],
    ];
    expect(scanDiff(log).map(seen)).toEqual(expected);
    const cuts = Array.from({ length: Math.floor(log.length / 37) }, (_, i) => (i + 1) * 37);
    expect(streamed(log, cuts)).toEqual(expected);
    expect(streamed(log, [])).toEqual(expected);
  });

  it("reports keys removed by later commits when asked", () => {
    const removed = scanDiff(log, { includeRemoved: true })
      .map(seen)
      .filter((s) => s[0] === c4 || (s[0] === c2 && s[1] === "a.txt"));
    expect(removed).toEqual([
      [c4, "a.txt", 5, 5, "plain", fp(k2)],
      [c2, "a.txt", 3, 5, "plain", fp(k1)],
      [c2, "a.txt", 5, 5, "plain", fp(k2)],
    ]);
  });
});
