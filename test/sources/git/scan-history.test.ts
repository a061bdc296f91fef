import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMIT_MESSAGE_PATH, fingerprint, type Finding } from "../../../src/detect/index.js";
import { historyArgs, scanHistory } from "../../../src/sources/git/scan-history.js";
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
    // User settings that would change git's output must not change what we parse.
    git(repo, "config", "diff.noprefix", "true");
    git(repo, "config", "log.showRoot", "false");
    git(repo, "config", "core.quotePath", "true");
  });
  afterAll(() => removeTempDir(repo));

  it("reports the adding commit, counting commits, progress and the bytes of the blobs read", async () => {
    const ticks = { commits: 0, bytes: 0 };
    const out = await scanHistory({
      cwd: repo,
      onProgress: (c, b) => {
        ticks.commits += c;
        ticks.bytes += b;
      },
    });
    expect(out.findings.map((f) => [f.path, f.line, f.commit])).toEqual([["a.txt", 2, added]]);
    expect(out.commits).toBe(3);
    // Three versions of a.txt: "a\n" twice (read again, being clean) and the one with the key.
    expect(out.bytes).toBe(2 + 2 + key.length + 3);
    expect(ticks).toEqual({ commits: 3, bytes: out.bytes });
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

  it("scans an empty repository as no commits", async () => {
    const empty = makeTempDir("mg-git-empty-");
    try {
      initRepo(empty);
      expect(await scanHistory({ cwd: empty })).toEqual({ findings: [], bytes: 0, commits: 0, binary: 0 });
    } finally {
      removeTempDir(empty);
    }
  });
});

describe("scanHistory attributes each key to the commit and path that added it", () => {
  let repo: string;
  const k = Array.from({ length: 9 }, () => makeKey());
  const c: Record<string, string> = {};
  const oddPath = 'dir with space/"quo\\ted"\ttab\nline.txt';
  const bigLines = 120_000; // over 4 MiB: the blob is streamed, not read whole

  beforeAll(() => {
    repo = makeTempDir("mg-git-attr-");
    initRepo(repo);
    c.start = commit(repo, "start", { write: { "app/config.py": "DEBUG = True\n" } });
    c.add = commit(repo, "add a key", { write: { "app/config.py": `DEBUG = True\nKEY = "${k[0]}"\n` } });
    c.edit = commit(repo, "edit around it", {
      write: { "app/config.py": `# settings\nDEBUG = False\nKEY = "${k[0]}"\n` },
    });
    git(repo, "mv", "app/config.py", "app/settings.py");
    c.rename = commit(repo, "rename the file");
    c.remove = commit(repo, "remove the key", { write: { "app/settings.py": "DEBUG = False\n" } });
    c.readd = commit(repo, "put it back", {
      write: { "app/settings.py": `DEBUG = False\nKEY = "${k[0]}"\n` },
    });
    c.copies = commit(repo, `copies\n\nsee ${k[1]} in the message`, {
      write: { "x/one.env": `K=${k[2]}\n`, "y/one.env": `K=${k[2]}\n` },
    });
    c.binary = commit(repo, "binary", { write: { "blob.bin": Buffer.from(`\0\x01${k[3]}\n`, "latin1") } });
    c.big = commit(repo, "big", {
      write: { "big.txt": `${"x".repeat(40)}\n`.repeat(bigLines) + `  ${k[4]}\n` },
    });
    c.odd = commit(repo, "odd names", { write: { [oddPath]: `${k[5]}\n`, "café.txt": `é ${k[6]}\n` } });
    symlinkSync(`/tmp/${k[7]}`, join(repo, "link"));
    c.link = commit(repo, "a symbolic link");
    const sub = git(repo, "rev-parse", "HEAD");
    git(repo, "update-index", "--add", "--cacheinfo", `160000,${sub},vendor/sub`);
    c.gitlink = commit(repo, "a submodule");
    c.last = commit(repo, "touch the settings", {
      write: { "app/settings.py": `DEBUG = True\nKEY = "${k[0]}"\nNEW = "${k[8]}"\n` },
    });
  });
  afterAll(() => removeTempDir(repo));

  const fp = (i: number) => fingerprint(k[i]);
  const rows = (findings: Finding[]) =>
    findings.map((f) => [f.commit, f.path, f.line, f.column, f.fingerprint]);

  it("in the log's order, then by line and column, with the path at that commit", async () => {
    const out = await scanHistory({ cwd: repo });
    expect(rows(out.findings)).toEqual([
      [c.last, "app/settings.py", 3, 8, fp(8)],
      [c.link, "link", 1, 6, fp(7)],
      // A commit's files come in git's tree order: "café.txt" before "dir with space/…".
      [c.odd, "café.txt", 1, 3, fp(6)],
      [c.odd, oddPath, 1, 1, fp(5)],
      [c.big, "big.txt", bigLines + 1, 3, fp(4)],
      [c.copies, COMMIT_MESSAGE_PATH, 3, 5, fp(1)],
      [c.copies, "x/one.env", 1, 3, fp(2)],
      [c.copies, "y/one.env", 1, 3, fp(2)],
      [c.readd, "app/settings.py", 2, 8, fp(0)],
      [c.rename, "app/settings.py", 3, 8, fp(0)],
      [c.add, "app/config.py", 2, 8, fp(0)],
    ]);
    expect(out.commits).toBe(13);
    // The one binary blob ("blob.bin") is read, counted and not scanned: its key is not reported.
    expect(out.binary).toBe(1);
  });

  it("in a range, reading the parent's blobs it did not scan to tell a carried-over key from a new one", async () => {
    const out = await scanHistory({ cwd: repo, range: `${c.gitlink}..HEAD` });
    expect(rows(out.findings)).toEqual([[c.last, "app/settings.py", 3, 8, fp(8)]]);
    expect(out.commits).toBe(1);
  });
});
