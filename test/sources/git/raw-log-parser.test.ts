import { describe, expect, it } from "vitest";
import { RawLogParser, type RawLogItem } from "../../../src/sources/git/raw-log-parser.js";

const ZERO = "0".repeat(40);
const A = "a".repeat(40);
const B = "b".repeat(40);
const C = "c".repeat(40);
const SHA1 = "1".repeat(40);
const SHA2 = "2".repeat(40);

/** A record as `git log --raw -z --format=RAW_LOG_FORMAT` prints it. */
const commitRecord = (sha: string, message: string) => `commit ${sha}\n${message}\0`;
const change = (modes: string, ids: string, status: string, ...paths: string[]) =>
  `:${modes} ${ids} ${status}\0${paths.map((p) => `${p}\0`).join("")}`;

// What git prints for two commits: separators between the records are NULs and line feeds.
const LOG = Buffer.concat([
  Buffer.from(commitRecord(SHA1, "add files\n\nwith a body\n") + "\0\n"),
  Buffer.from(change("000000 100644", `${ZERO} ${A}`, "A", "plain.txt")),
  Buffer.from(change("100644 100644", `${A} ${B}`, "M", 'with space, "quotes"\tand\ttabs')),
  Buffer.from(change("100644 000000", `${C} ${ZERO}`, "D", "line\nfeed")),
  Buffer.from(change("100644 120000", `${A} ${C}`, "T", "now-a-link")),
  Buffer.from(change("100644 100644", `${A} ${B}`, "R087", "old/name", "new/name")),
  Buffer.from(change("000000 100644", `${ZERO} ${C}`, "A", "café/ünï.txt")),
  Buffer.from(commitRecord(SHA2, "") + "\0"), // empty message, no changes (a merge, say)
  Buffer.from(commitRecord("f".repeat(64), "sha-256 repository\n") + "\0\n"),
  Buffer.from(change("000000 100644", `${"0".repeat(64)} ${"d".repeat(64)}`, "A", "x")),
]);

const EXPECTED: unknown[] = [
  { kind: "commit", sha: SHA1, message: "add files\n\nwith a body\n" },
  {
    kind: "change",
    oldMode: "000000",
    newMode: "100644",
    oldId: ZERO,
    newId: A,
    status: "A",
    path: "plain.txt",
  },
  {
    kind: "change",
    ...{ oldMode: "100644", newMode: "100644", oldId: A, newId: B, status: "M" },
    path: 'with space, "quotes"\tand\ttabs',
  },
  {
    kind: "change",
    oldMode: "100644",
    newMode: "000000",
    oldId: C,
    newId: ZERO,
    status: "D",
    path: "line\nfeed",
  },
  {
    kind: "change",
    oldMode: "100644",
    newMode: "120000",
    oldId: A,
    newId: C,
    status: "T",
    path: "now-a-link",
  },
  {
    kind: "change",
    oldMode: "100644",
    newMode: "100644",
    oldId: A,
    newId: B,
    status: "R087",
    path: "new/name",
  },
  {
    kind: "change",
    oldMode: "000000",
    newMode: "100644",
    oldId: ZERO,
    newId: C,
    status: "A",
    path: "café/ünï.txt",
  },
  { kind: "commit", sha: SHA2, message: "" },
  { kind: "commit", sha: "f".repeat(64), message: "sha-256 repository\n" },
  {
    kind: "change",
    ...{ oldMode: "000000", newMode: "100644", oldId: "0".repeat(64), newId: "d".repeat(64), status: "A" },
    path: "x",
  },
];

/** Items with messages as text, so they compare with toEqual. */
function plain(items: RawLogItem[]): unknown[] {
  return items.map((i) => (i.kind === "commit" ? { ...i, message: i.message.toString("utf8") } : i));
}

function parseIn(pieces: Buffer[]): unknown[] {
  const parser = new RawLogParser();
  const items: RawLogItem[] = [];
  // Each piece is a fresh copy, as a stream's chunks are: nothing may depend on a shared buffer.
  for (const piece of pieces) items.push(...parser.write(Buffer.from(piece)));
  parser.end();
  return plain(items);
}

describe("RawLogParser", () => {
  it("reads commits, messages and changes: statuses, renames, unquoted odd and UTF-8 paths, SHA-256", () => {
    expect(parseIn([LOG])).toEqual(EXPECTED);
  });

  it("gives the same items wherever the chunks are cut", () => {
    for (let cut = 0; cut <= LOG.length; cut++) {
      expect(parseIn([LOG.subarray(0, cut), LOG.subarray(cut)]), `cut at ${cut}`).toEqual(EXPECTED);
    }
    for (let cut = 0; cut < LOG.length; cut += 7) {
      const pieces = [LOG.subarray(0, cut), LOG.subarray(cut, cut + 13), LOG.subarray(cut + 13)];
      expect(parseIn(pieces), `cuts at ${cut}, ${cut + 13}`).toEqual(EXPECTED);
    }
    expect(parseIn([...LOG].map((b) => Buffer.from([b])))).toEqual(EXPECTED);
  });

  it("reads an empty log", () => {
    expect(parseIn([])).toEqual([]);
    expect(parseIn([Buffer.alloc(0)])).toEqual([]);
  });

  it.each([
    ["a header it does not know", `:100644 100644 ${A} ${B}\0x\0`],
    ["a short id", `:100644 100644 abc ${B} M\0x\0`],
    ["a lower-case status", `:100644 100644 ${A} ${B} m\0x\0`],
    ["text where a commit should start", "merge abc\nmsg\0"],
  ])("rejects %s, saying what it read", (_, text) => {
    expect(() => new RawLogParser().write(Buffer.from(text))).toThrow(/does not understand .*To resolve/);
  });

  it.each([
    ["inside a message", commitRecord(SHA1, "half a message").slice(0, -1)],
    ["between a header and its path", `:000000 100644 ${ZERO} ${A} A\0`],
    ["inside a commit line", "commit 1111"],
  ])("says when the output ends %s", (_, text) => {
    const parser = new RawLogParser();
    parser.write(Buffer.from(text));
    expect(() => parser.end()).toThrow(/ended in the middle of a commit/);
  });
});
