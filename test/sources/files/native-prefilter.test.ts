// The native reader (native/prefilter.c) against the JavaScript reader it stands in for: the same
// findings and counts on every kind of file, and the same answer to "is there anything to scan" on
// generated text. `npm ci` builds the addon (scripts/build-native.mjs); where it could not be built,
// these tests skip, except with CI=true, where a missing addon is a failure.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstNeedle } from "../../../src/detect/find-needles.js";
import { canStartKey } from "../../../src/detect/match-candidate.js";
import { NEEDLES } from "../../../src/detect/needles.js";
import { HOLD } from "../../../src/detect/scan-window.js";
import { nativePrefilter, Verdict } from "../../../src/sources/files/native-prefilter.js";
import { scanFiles, type FileScanOptions } from "../../../src/sources/files/scan-files.js";
import type { WalkedFile } from "../../../src/sources/files/walk-files.js";
import { makeDevKey, makeKey } from "../../detect/make-key.js";
import { filler, keyForms } from "../../detect/sample-text.js";
import { makeTempDir, removeTempDir } from "../../support/cli/temp-dir.js";

const native = nativePrefilter();

if (!native && process.env.CI === "true") {
  it("needs the native reader built in CI (npm ci builds it: scripts/build-native.mjs)", () => {
    expect(native, "native/build/Release/prefilter.node did not load").not.toBeNull();
  });
} else if (!native) {
  it.skip("native reader: skipped, not built here (npm run build:native; CI=true makes this a failure)", () => {});
} else {
  describe("the native reader", () => {
    let dir: string;
    beforeAll(() => {
      dir = makeTempDir("mg-native-");
    });
    afterAll(() => removeTempDir(dir));

    const FIRST_READ = 64 << 10;
    const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")]);
    const utf16be = (s: string) => utf16le(s).swap16();
    const nulAt = (at: number, tail: string) =>
      Buffer.concat([Buffer.from("x".repeat(at)), Buffer.from([0]), Buffer.from(tail)]);
    const ending = (size: number, tail: string) => "y".repeat(size - tail.length) + tail;

    /** Files of every kind the readers treat differently; each built fresh, keys at run time. */
    function cases(): [string, string | Buffer][] {
      const key = makeKey();
      return [
        ["empty.txt", ""],
        ["short.txt", "moltboo"],
        ["clean.ts", filler(400)],
        ["names.ts", "moltbook_client moltbook.example moltbook/sdk moltbookUserId moltbook"],
        ["name-at-end.txt", "a moltbook_s"],
        ["decoder-after-name.txt", `moltbook%5Fsk_ "moltbook" 'moltbook\`moltbook\\`],
        ...keyForms().map((f): [string, string] => [`form-${f.name.replace(/\W+/g, "-")}.txt`, f.text]),
        ["dev-key.env", `MOLTDEV_KEY=${makeDevKey()}\n`],
        ["crlf.env", `A=1\r\nKEY=${key}\r\n`],
        ["bom.txt", `\ufeffKEY=${key}\n`],
        ["utf16le.txt", utf16le(`KEY=${key}\n`)],
        ["utf16be.txt", utf16be(`KEY=${key}\n`)],
        ["utf16-no-needle.txt", utf16le("nothing here\n")],
        ["binary-head.bin", nulAt(100, key)],
        ["nul-after-head.txt", nulAt(9000, key)],
        ["first-read-less-1.txt", ending(FIRST_READ - 1, key)],
        ["first-read.txt", ending(FIRST_READ, key)],
        ["first-read-plus-1.txt", ending(FIRST_READ + 1, key)],
        ["clean-first-read.txt", ending(FIRST_READ, "z")],
        ["streamed.log", `${"w".repeat(300_000)}\n${key}\n`],
        ["over-cap.txt", `${"v".repeat(600_000)}${key}`],
        ["ünïcödé name.txt", `K=${key}\n`],
        ["needle-at-end.txt", `${filler(50)}${NEEDLES[NEEDLES.length - 1].text.toString("latin1")}`],
      ];
    }

    const entry = (name: string): WalkedFile => ({ abs: join(dir, name), path: name, open: join(dir, name) });
    const comparable = (options: FileScanOptions, files: WalkedFile[]) => {
      const out = scanFiles(files, options);
      return { ...out, findings: out.findings.map((f) => JSON.stringify(f)) };
    };

    it("finds what the JavaScript reader finds, and counts the same, on every kind of file", () => {
      const files = cases();
      for (const [name, content] of files) writeFileSync(join(dir, name), content);
      mkdirSync(join(dir, "a-directory"));
      const walked = [...files.map(([name]) => entry(name)), entry("vanished.txt"), entry("a-directory")];
      const options = { maxFileSize: 500_000, streamThreshold: 200_000 };
      const js = comparable({ ...options, native: null }, walked);
      const ours = comparable({ ...options, native }, walked);
      expect(ours).toEqual(js);
      // The comparison is only worth something if the cases reach every path of both readers.
      expect(js.findings.length).toBeGreaterThan(15);
      expect(js.binary).toBe(1);
      expect(js.skipped.map((s) => s.reason).sort()).toEqual(["too-large", "unreadable", "unreadable"]);
    });

    it("gives each file the verdict its content calls for", () => {
      const key = makeKey();
      const named: [string, string | Buffer, number][] = [
        ["v-clean.txt", "const handler = (req, res) => res.json({ ok: true });\n".repeat(50), Verdict.clean],
        ["v-names.txt", "moltbook_client moltbook.example", Verdict.clean],
        ["v-key.txt", `k=${key}`, Verdict.scan],
        ["v-quoted.txt", 'x = "moltbook" + "_sk_"', Verdict.scan],
        ["v-binary.bin", nulAt(10, key), Verdict.binary],
        ["v-utf16.txt", utf16le("plain"), Verdict.scan],
        ["v-large.txt", "u".repeat(300_000), Verdict.readInJs],
      ];
      for (const [name, content] of named) writeFileSync(join(dir, name), content);
      const { verdicts, sizes } = verdictsOf(
        named.map(([name]) => join(dir, name)),
        200_000,
      );
      expect([...verdicts]).toEqual(named.map(([, , verdict]) => verdict));
      expect(sizes[0]).toBe(Buffer.byteLength(named[0][1]));
    });

    it("hands JavaScript exactly the text that holds a needle that can start a key (2,000 generated files)", () => {
      // Pieces that meet every branch of the search and of the plain needle's rule, joined at random:
      // every needle, `moltbook` followed by each byte class, and text far from any needle.
      const pieces = [
        ...NEEDLES.map((n) => n.text.toString("latin1")),
        "moltbook",
        "moltbook_sk_",
        "moltbook_s",
        "_sk_",
        "%",
        "\\",
        '"',
        "'",
        "`",
        ".",
        "_",
        "moltdev",
        "molt",
        "\n",
        " plain text, far from any needle ",
        "x".repeat(70),
      ];
      const random = seeded(7);
      const paths: string[] = [];
      const texts: Buffer[] = [];
      mkdirSync(join(dir, "generated"));
      for (let i = 0; i < 2000; i++) {
        let text = "";
        const count = Math.floor(random() * 12);
        for (let j = 0; j < count; j++) text += pieces[Math.floor(random() * pieces.length)];
        const path = join(dir, "generated", `${i}.txt`);
        writeFileSync(path, text, "latin1");
        paths.push(path);
        texts.push(Buffer.from(text, "latin1"));
      }
      const { verdicts } = verdictsOf(paths, 1 << 20);
      const expected = texts.map((t) => (hasCandidate(t) ? Verdict.scan : Verdict.clean));
      expect([...verdicts]).toEqual(expected);
      expect(expected.filter((v) => v === Verdict.scan).length).toBeGreaterThan(200);
      expect(expected.filter((v) => v === Verdict.clean).length).toBeGreaterThan(200);
    });

    /** JavaScript's answer for a file held whole (scanUtf8's first step). */
    function hasCandidate(text: Buffer): boolean {
      const accept = (data: Uint8Array, at: number, needle: number) =>
        canStartKey(data, at, needle, Math.min(data.length, at + HOLD));
      return firstNeedle(text, 0, text.length, accept) !== -1;
    }

    /** The native reader's verdict on each path, calling it again after each file it hands back. */
    function verdictsOf(paths: string[], threshold: number) {
      const buf = Buffer.alloc(threshold + 1);
      const sizes = new Float64Array(paths.length);
      const verdicts = new Uint8Array(paths.length);
      for (let i = 0; i < paths.length;)
        i = native!.readFiles(paths, i, buf, FIRST_READ, threshold, 0, sizes, verdicts);
      return { sizes, verdicts };
    }
  });

  describe("the native reader's arguments", () => {
    it("refuses result arrays shorter than the list, rather than writing past them", () => {
      const call = () =>
        native.readFiles(["a", "b"], 0, Buffer.alloc(16), 8, 8, 0, new Float64Array(1), new Uint8Array(2));
      expect(call).toThrow(/too small/);
    });

    it("refuses a threshold the buffer cannot hold", () => {
      const call = () =>
        native.readFiles(["a"], 0, Buffer.alloc(16), 8, 16, 0, new Float64Array(1), new Uint8Array(1));
      expect(call).toThrow(/too small/);
    });
  });
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
