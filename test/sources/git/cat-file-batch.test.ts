import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CatFileBatch } from "../../../src/sources/git/cat-file-batch.js";
import type { BlobSink } from "../../../src/sources/git/cat-file-parser.js";
import { commit, git, initRepo } from "../../support/cli/git-repo.js";
import { makeTempDir, removeTempDir } from "../../support/cli/temp-dir.js";

/** Records answers as `<id prefix> <what>`: whole blobs with their text, streamed ones with their size. */
function recorder(): { sink: BlobSink; events: string[] } {
  const events: string[] = [];
  let streamed = 0;
  const sink: BlobSink = {
    whole: (id, content) => events.push(`${id.slice(0, 7)} ${content.toString("utf8")}`),
    start: () => (streamed = 0),
    piece: (bytes) => (streamed += bytes.length),
    finish: () => events.push(`streamed ${streamed}`),
    absent: (id, what) => events.push(`${id.slice(0, 7)} ${what}`),
  };
  return { sink, events };
}

describe("CatFileBatch", () => {
  let repo: string;
  let notRepo: string;
  const ids: Record<string, string> = {};

  beforeAll(() => {
    repo = makeTempDir("mg-catfile-");
    notRepo = makeTempDir("mg-catfile-none-");
    initRepo(repo);
    commit(repo, "files", {
      write: { "a.txt": "alpha\n", "b.txt": "beta\n", "big.bin": "z".repeat(5 << 20) },
    });
    for (const f of ["a.txt", "b.txt", "big.bin"]) ids[f] = git(repo, "rev-parse", `HEAD:${f}`);
    ids.tree = git(repo, "rev-parse", "HEAD^{tree}");
  });
  afterAll(() => {
    removeTempDir(repo);
    removeTempDir(notRepo);
  });

  it.each([
    ["a socket read into one buffer", false],
    ["a plain pipe", true],
  ])("answers in the order asked, through %s", async (_, plainPipe) => {
    const { sink, events } = recorder();
    const batch = await CatFileBatch.start(repo, sink, { plainPipe });
    const missing = "0123456789".repeat(4);
    await batch.request([ids["a.txt"], missing, ids.tree]);
    await batch.request([ids["big.bin"], ids["b.txt"]]);
    batch.end();
    await batch.done;
    expect(events).toEqual([
      `${ids["a.txt"].slice(0, 7)} alpha\n`,
      `${missing.slice(0, 7)} missing`,
      `${ids.tree.slice(0, 7)} tree`,
      `streamed ${5 << 20}`,
      `${ids["b.txt"].slice(0, 7)} beta\n`,
    ]);
    expect(batch.outstanding).toBe(0);
  });

  it("waits for answers when too many requests are in flight", async () => {
    const { sink, events } = recorder();
    const batch = await CatFileBatch.start(repo, sink, { maxOutstanding: 4 });
    for (let i = 0; i < 30; i++) {
      await batch.request([ids["a.txt"], ids["b.txt"], ids["a.txt"]]);
      // Past 4 in flight, `request` returns only once at most 2 are.
      expect(batch.outstanding).toBeLessThanOrEqual(4);
    }
    batch.end();
    await batch.done;
    expect(events).toHaveLength(90);
  });

  it("does not deadlock waiting for answers git holds in its buffer (--buffer, default limits)", async () => {
    const { sink, events } = recorder();
    const batch = await CatFileBatch.start(repo, sink);
    const many = Array.from({ length: 2_000 }, (_, i) => ids[i % 2 ? "a.txt" : "b.txt"]);
    for (let i = 0; i < 6; i++) await batch.request(many); // the third call is past 5,000 in flight
    batch.end();
    await batch.done;
    expect(events).toHaveLength(12_000);
  });

  it("fails with git's error, made actionable, outside a repository", async () => {
    const batch = await CatFileBatch.start(notRepo, recorder().sink);
    await batch.request([ids["a.txt"]]).catch(() => {}); // git may or may not have read it yet
    batch.end();
    await expect(batch.done).rejects.toThrow(/git cat-file failed .*not a git repository.*To resolve/);
    await expect(batch.request([ids["a.txt"]])).rejects.toThrow(/not a git repository/);
  });

  it("stops git when killed, and says so", async () => {
    const batch = await CatFileBatch.start(repo, recorder().sink);
    batch.kill();
    await expect(batch.done).rejects.toThrow(/git cat-file failed/);
  });
});
