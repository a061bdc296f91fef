import { describe, expect, it } from "vitest";
import { CatFileParser, type BlobSink } from "../../../src/sources/git/cat-file-parser.js";

const id = (c: string) => c.repeat(40);

/** What `git cat-file --batch` prints for these answers. */
function answers(...parts: (string | [string, string, Buffer | string])[]): Buffer {
  return Buffer.concat(
    parts.map((p) =>
      typeof p === "string"
        ? Buffer.from(`${p}\n`)
        : Buffer.concat([
            Buffer.from(`${p[0]} ${p[1]} ${Buffer.byteLength(p[2])}\n`),
            Buffer.from(p[2]),
            Buffer.from("\n"),
          ]),
    ),
  );
}

/** Records what the parser hands over; streamed blobs are joined, to compare with whole ones. */
class Recorder implements BlobSink {
  events: string[] = [];
  #streamed: Buffer[] = [];
  #id = "";
  whole(blob: string, content: Buffer): void {
    this.events.push(`whole ${blob.slice(0, 1)} ${JSON.stringify(content.toString("latin1"))}`);
  }
  start(blob: string, size: number): void {
    this.#id = blob;
    this.#streamed = [];
    this.events.push(`start ${blob.slice(0, 1)} ${size}`);
  }
  piece(bytes: Buffer): void {
    expect(bytes.length).toBeGreaterThan(0);
    this.#streamed.push(Buffer.from(bytes));
  }
  finish(): void {
    this.events.push(
      `finish ${this.#id.slice(0, 1)} ${JSON.stringify(Buffer.concat(this.#streamed).toString("latin1"))}`,
    );
  }
  absent(blob: string, what: string): void {
    this.events.push(`absent ${blob.slice(0, 1)} ${what}`);
  }
}

const BIG = "line one\nline two\n".repeat(3); // over the 16-byte limit used below: streamed
const OUTPUT = answers(
  [id("a"), "blob", "small\ncontent"],
  `${id("m")} missing`,
  [id("b"), "blob", BIG],
  [id("c"), "blob", ""],
  [id("t"), "tree", "tree bytes, \n skipped"],
  `${id("z")} ambiguous`,
  [id("d"), "blob", "exactly 16 bytes"],
  [id("e"), "blob", Buffer.from([0, 1, 2, 10, 255])],
);
const EXPECTED = [
  `whole a "small\\ncontent"`,
  "absent m missing",
  `start b ${BIG.length}`,
  `finish b ${JSON.stringify(BIG)}`,
  `whole c ""`,
  "absent t tree",
  "absent z ambiguous",
  `whole d "exactly 16 bytes"`,
  `whole e ${JSON.stringify("\0\x01\x02\n\xff")}`,
];

function parse(pieces: Buffer[], wholeMax = 16): { events: string[]; answered: number } {
  const sink = new Recorder();
  const parser = new CatFileParser(sink, wholeMax);
  for (const piece of pieces) parser.write(Buffer.from(piece));
  parser.end();
  return { events: sink.events, answered: parser.answered };
}

describe("CatFileParser", () => {
  it("hands over whole blobs, streams large ones, skips other types and reports missing ids", () => {
    expect(parse([OUTPUT])).toEqual({ events: EXPECTED, answered: 8 });
  });

  it("gives the same result wherever the chunks are cut", () => {
    for (let cut = 0; cut <= OUTPUT.length; cut++) {
      expect(parse([OUTPUT.subarray(0, cut), OUTPUT.subarray(cut)]).events, `cut at ${cut}`).toEqual(
        EXPECTED,
      );
    }
    for (let cut = 0; cut < OUTPUT.length; cut += 5) {
      const pieces = [OUTPUT.subarray(0, cut), OUTPUT.subarray(cut, cut + 9), OUTPUT.subarray(cut + 9)];
      expect(parse(pieces).events, `cuts at ${cut}, ${cut + 9}`).toEqual(EXPECTED);
    }
    expect(parse([...OUTPUT].map((b) => Buffer.from([b]))).events).toEqual(EXPECTED);
  });

  it("hands over a blob that lies in one chunk without copying it", () => {
    const chunk = answers([id("a"), "blob", "in one chunk"]);
    let seen: Buffer | undefined;
    const sink: BlobSink = { whole: (_, c) => (seen = c), start() {}, piece() {}, finish() {}, absent() {} };
    new CatFileParser(sink).write(chunk);
    expect(seen?.buffer).toBe(chunk.buffer);
  });

  it("counts an answer only once its trailing line feed is read", () => {
    const parser = new CatFileParser(new Recorder());
    const out = answers([id("a"), "blob", "x"]);
    parser.write(out.subarray(0, out.length - 1));
    expect(parser.answered).toBe(0);
    parser.write(out.subarray(out.length - 1));
    expect(parser.answered).toBe(1);
  });

  it.each([
    ["a header it cannot read", "what is this\n", /unexpected header/],
    ["content without its line feed", `${id("a")} blob 1\nxy`, /no line feed after an object/],
  ])("rejects %s", (_, text, error) => {
    expect(() => new CatFileParser(new Recorder()).write(Buffer.from(text))).toThrow(error);
  });

  it.each([
    ["inside a header", `${id("a")} blo`],
    ["inside a blob", `${id("a")} blob 10\nabc`],
    ["before an object's line feed", `${id("a")} blob 3\nabc`],
  ])("says when the output ends %s", (_, text) => {
    const parser = new CatFileParser(new Recorder());
    parser.write(Buffer.from(text));
    expect(() => parser.end()).toThrow(/output ended inside an object.*To resolve/);
  });
});
