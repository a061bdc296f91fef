import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GIT_LOG_FORMAT } from "../../../src/detect/index.js";
import { commitMarker, historyArgs, scanHistory } from "../../../src/sources/git/scan-history.js";
import { MarkerCounter } from "../../../src/sources/git/count-marker.js";
import { commit, git, initRepo } from "../../support/cli/git-repo.js";
import { makeKey } from "../../support/cli/keys.js";
import { makeTempDir, removeTempDir } from "../../support/cli/temp-dir.js";

describe("scanHistory", () => {
  let repo: string;
  const key = makeKey();
  let added = "";

  beforeAll(() => {
    repo = makeTempDir("mg-git-");
    initRepo(repo);
    commit(repo, "one", { write: { "a.txt": "a\n" } });
    added = commit(repo, "two", { write: { "a.txt": `a\n${key}\n` } });
    commit(repo, "three", { write: { "a.txt": "a\n" } });
    // A user setting that would change the diff's headers must not change what we parse.
    git(repo, "config", "diff.noprefix", "true");
  });
  afterAll(() => removeTempDir(repo));

  it("streams git log -p and reports the adding commit, counting commits and bytes", async () => {
    const ticks: number[] = [];
    const out = await scanHistory({ cwd: repo, onProgress: (c) => ticks.push(c) });
    expect(out.findings.map((f) => [f.path, f.line, f.commit])).toEqual([["a.txt", 2, added]]);
    expect(out.commits).toBe(3);
    expect(ticks.reduce((a, b) => a + b, 0)).toBe(3);
    expect(out.bytes).toBeGreaterThan(0);
  });

  it("rejects with the git error when the range is unknown", async () => {
    await expect(scanHistory({ cwd: repo, range: "nope..HEAD" })).rejects.toThrow(
      /To resolve, pass a revision range/,
    );
  });

  it("keeps a range from being read as an option", () => {
    const args = historyArgs("--output=/tmp/x");
    expect(args.slice(-3)).toEqual(["--end-of-options", "--output=/tmp/x", "--"]);
    expect(historyArgs()).toContain("--all");
  });
});

describe("commitMarker and MarkerCounter", () => {
  it("take the literal before the first field of the log format", () => {
    expect(commitMarker("%x00commit %H%n%B")).toBe("\0commit ");
    expect(commitMarker("%H %s")).toBeUndefined();
    expect(commitMarker(GIT_LOG_FORMAT)).toBeDefined();
  });

  it("count markers split across chunks exactly once", () => {
    const text = "xx\n+++ a\n+++ b\nyy\n+++ c";
    for (let cut = 0; cut <= text.length; cut++) {
      for (let cut2 = cut; cut2 <= text.length; cut2 += 3) {
        const c = new MarkerCounter("\n+++ ", "\n");
        for (const part of [text.slice(0, cut), text.slice(cut, cut2), text.slice(cut2)])
          c.write(Buffer.from(part));
        expect(c.count, `${cut}/${cut2}`).toBe(3);
      }
    }
    const atStart = new MarkerCounter("\n+++ ", "\n");
    atStart.write(Buffer.from("+++ b/x\n"));
    expect(atStart.count).toBe(1);
  });
});
