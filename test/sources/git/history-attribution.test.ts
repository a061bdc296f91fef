import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { COMMIT_MESSAGE_PATH, scanText, type Finding } from "../../../src/detect/index.js";
import { HistoryAttribution } from "../../../src/sources/git/history-attribution.js";
import type { RawChange } from "../../../src/sources/git/raw-log-parser.js";
import { makeKey } from "../../support/cli/keys.js";

const NONE = "0".repeat(40);
/** A blob id per content name, as git would make one. */
const id = (name: string) => createHash("sha1").update(name).digest("hex");

const added = (path: string, blob: string): RawChange => ({
  oldMode: "000000",
  newMode: "100644",
  oldId: NONE,
  newId: id(blob),
  status: "A",
  path,
});
const modified = (path: string, from: string, to: string): RawChange => ({
  ...added(path, to),
  oldMode: "100644",
  oldId: id(from),
  status: "M",
});
const deleted = (path: string, blob: string): RawChange => ({
  ...added(path, "unused"),
  oldMode: "100644",
  newMode: "000000",
  oldId: id(blob),
  newId: NONE,
  status: "D",
});

const k1 = makeKey();
const k2 = makeKey();
/** Blob contents by name: findings are what the detector finds in them. */
const CONTENT: Record<string, string> = {
  clean: "nothing here\n",
  clean2: "still nothing\n",
  one: `a\nKEY=${k1}\n`,
  oneMoved: `header\n\n\nKEY=${k1}\n`,
  both: `KEY=${k1}\nOTHER=${k2}\n`,
  two: `x ${k2}\n`,
};
const findingsOf = (name: string): Finding[] => scanText(CONTENT[name]);

type Step = ["commit", string, string?] | ["change", RawChange];

/**
 * Runs a log through the attribution as scanHistory does: blobs are answered after the whole log
 * (so every change is in flight at once) or right after they are asked for, and old blobs are read
 * at the end. Returns [path, line, commit, key number] per finding, and the ids read.
 */
function attribute(steps: Step[], answer: "late" | "at-once"): { found: unknown[]; reads: string[] } {
  const a = new HistoryAttribution();
  const names = new Map(Object.keys(CONTENT).map((n) => [id(n), n]));
  const reads: string[] = [];
  const pending: string[] = [];
  for (const step of steps) {
    if (step[0] === "commit") {
      a.commit(step[1], step[2] === undefined ? [] : scanText(step[2], { path: COMMIT_MESSAGE_PATH }));
      continue;
    }
    const wanted = a.change(step[1]);
    if (wanted === null) continue;
    reads.push(names.get(wanted) as string);
    pending.push(wanted);
    if (answer === "at-once") a.blob(wanted, findingsOf(names.get(pending.shift() as string) as string));
  }
  expect(a.inFlight).toBe(pending.length);
  for (const blob of pending) a.blob(blob, findingsOf(names.get(blob) as string));
  expect(a.inFlight).toBe(0);
  const olds = new Map(a.oldBlobsToRead().map((o) => [o, findingsOf(names.get(o) as string)]));
  for (const o of olds.keys()) reads.push(`old:${names.get(o)}`);
  const found = a
    .findings(olds)
    .map((f) => [f.path, f.line, f.commit, f.fingerprint === scanText(k1)[0].fingerprint ? "k1" : "k2"]);
  return { found, reads };
}

describe("HistoryAttribution", () => {
  it.each(["late", "at-once"] as const)(
    "reports a key where it is added, not where it is carried over (%s answers)",
    (answer) => {
      const { found, reads } = attribute(
        [
          ["commit", "c1"],
          ["change", added("a.txt", "clean")],
          ["commit", "c2"],
          ["change", modified("a.txt", "clean", "one")], // added
          ["commit", "c3"],
          ["change", modified("a.txt", "one", "oneMoved")], // carried over, on another line
          ["commit", "c4"],
          ["change", modified("a.txt", "oneMoved", "both")], // k1 carried over, k2 added
        ],
        answer,
      );
      expect(found).toEqual([
        ["a.txt", 2, "c2", "k1"],
        ["a.txt", 2, "c4", "k2"],
      ]);
      expect(reads).toEqual(["clean", "one", "oneMoved", "both", "old:clean"]);
    },
  );

  it("reports a key moved to another file, re-added after its removal, and at a renamed file's new path", () => {
    const { found } = attribute(
      [
        ["commit", "add"],
        ["change", added("a.txt", "one")],
        ["commit", "move"],
        ["change", deleted("a.txt", "one")],
        ["change", added("b.txt", "oneMoved")],
        ["commit", "remove"],
        ["change", modified("b.txt", "oneMoved", "clean")],
        ["commit", "re-add"],
        ["change", modified("b.txt", "clean", "one")],
        ["commit", "rename"], // --no-renames: a rename is a deletion and an addition
        ["change", deleted("b.txt", "one")],
        ["change", added("c.txt", "one")],
      ],
      "late",
    );
    expect(found).toEqual([
      ["a.txt", 2, "add", "k1"],
      ["b.txt", 4, "move", "k1"],
      ["b.txt", 2, "re-add", "k1"],
      ["c.txt", 2, "rename", "k1"],
    ]);
  });

  it("reads a blob in flight once, and reports it at every path that added it", () => {
    const { found, reads } = attribute(
      [
        ["commit", "c1"],
        ["change", added("x/a.txt", "one")],
        ["change", added("y/a.txt", "one")],
        ["commit", "c2"],
        ["change", added("z/a.txt", "one")],
      ],
      "late",
    );
    expect(reads).toEqual(["one"]);
    expect(found).toEqual([
      ["x/a.txt", 2, "c1", "k1"],
      ["y/a.txt", 2, "c1", "k1"],
      ["z/a.txt", 2, "c2", "k1"],
    ]);
  });

  it("remembers blobs with findings, not clean ones: a clean blob is read again", () => {
    const { reads } = attribute(
      [
        ["commit", "c1"],
        ["change", added("a.txt", "one")],
        ["change", added("b.txt", "clean")],
        ["commit", "c2"],
        ["change", added("c.txt", "one")],
        ["change", added("d.txt", "clean")],
      ],
      "at-once",
    );
    expect(reads).toEqual(["one", "clean", "clean"]);
  });

  it("reports nothing for a key only in the old blob, a deletion, a binary (no findings) or a mode change", () => {
    const { found, reads } = attribute(
      [
        ["commit", "c1"],
        ["change", added("a.txt", "one")],
        ["commit", "c2"],
        ["change", modified("a.txt", "one", "clean")],
        ["change", deleted("b.txt", "two")],
        ["change", { ...modified("c.sh", "two", "two"), oldMode: "100644", newMode: "100755" }],
      ],
      "late",
    );
    expect(found).toEqual([["a.txt", 2, "c1", "k1"]]);
    expect(reads).toEqual(["one", "clean"]);
  });

  it("skips submodules (gitlinks) and treats a file that replaced one as added", () => {
    const { found, reads } = attribute(
      [
        ["commit", "c1"],
        ["change", { ...added("sub", "two"), newMode: "160000" }],
        ["commit", "c2"],
        ["change", { ...modified("sub", "two", "both"), oldMode: "160000" }],
      ],
      "late",
    );
    expect(reads).toEqual(["both"]);
    expect(found).toEqual([
      ["sub", 1, "c2", "k1"],
      ["sub", 2, "c2", "k2"],
    ]);
  });

  it("reads old blobs it never saw (outside a range), and puts message keys first in their commit", () => {
    const { found, reads } = attribute(
      [
        ["commit", "c1", `fix\n\nrotated ${k2}\n`],
        ["change", modified("a.txt", "two", "both")],
        ["commit", "c2"],
        ["change", modified("b.txt", "one", "oneMoved")],
      ],
      "late",
    );
    expect(reads).toEqual(["both", "oneMoved", "old:two", "old:one"]);
    expect(found).toEqual([
      [COMMIT_MESSAGE_PATH, 3, "c1", "k2"],
      ["a.txt", 1, "c1", "k1"],
    ]);
  });

  it("refuses to decide without an old blob it asked for", () => {
    const a = new HistoryAttribution();
    a.commit("c1", []);
    a.blob(a.change(modified("a.txt", "clean", "one")) as string, findingsOf("one"));
    expect(a.oldBlobsToRead()).toEqual([id("clean")]);
    expect(() => a.findings(new Map())).toThrow(/did not read blob/);
  });
});
