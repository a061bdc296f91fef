// Spawns the BUILT CLI (dist/bin/moltbook-guard.js): `npm test` builds first; alone, run `npm run build`.
// Repositories are real: `git init` in a temporary directory, commits with a fixed identity.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commit, git, initRepo } from "../support/cli/git-repo.js";
import { makeKey } from "../support/cli/keys.js";
import { runCli } from "../support/cli/run-cli.js";
import { makeTempDir, removeTempDir, writeFiles } from "../support/cli/temp-dir.js";

interface JsonFinding {
  path: string;
  line: number;
  column: number;
  fingerprint: string;
  commit?: string;
}
interface JsonOut {
  findings: JsonFinding[];
  stats: { files: number; bytes: number; commits?: number };
}
const parse = (s: string) => JSON.parse(s) as JsonOut;

describe("moltbook-guard scan --history", () => {
  let repo: string;
  const added = makeKey(); // added in one commit, removed in the next
  const inMessage = makeKey(); // only ever in a commit message
  const onBranch = makeKey(); // only on a side branch that was never merged
  const deleted = makeKey(); // in a file that was later deleted
  const ids: Record<string, string> = {};

  beforeAll(() => {
    repo = makeTempDir("mg-history-");
    initRepo(repo);
    commit(repo, "initial", { write: { "README.md": "# demo\n", "app/config.py": "DEBUG = True\n" } });
    ids.added = commit(repo, "configure the client", {
      write: { "app/config.py": `DEBUG = True\nMOLTBOOK_KEY = "${added}"\n` },
    });
    commit(repo, "read the key from the environment", {
      write: { "app/config.py": "DEBUG = True\nMOLTBOOK_KEY = os.environ['MOLTBOOK_KEY']\n" },
    });
    ids.message = commit(repo, `debug notes\n\nused ${inMessage} to test`);
    ids.deleted = commit(repo, "add fixtures", {
      write: { "fixtures/old.json": `{"token": "${deleted}"}\n` },
    });
    commit(repo, "drop fixtures", { remove: ["fixtures/old.json"] });
    git(repo, "checkout", "-q", "-b", "side");
    ids.branch = commit(repo, "experiment", { write: { "exp.sh": `export MOLTBOOK_API_KEY=${onBranch}\n` } });
    git(repo, "checkout", "-q", "main");
  });
  afterAll(() => removeTempDir(repo));

  it("finds keys in every commit of every ref, with the commit that added them", async () => {
    const run = await runCli(["scan", "--history", "-f", "json"], { cwd: repo });
    expect(run.code).toBe(1);
    const out = parse(run.stdout);
    const byCommit = Object.fromEntries(out.findings.map((f) => [f.commit, f]));
    expect(byCommit[ids.added]).toMatchObject({ path: "app/config.py", line: 2, column: 17 });
    expect(byCommit[ids.message]).toMatchObject({ path: "(commit message)" });
    expect(byCommit[ids.deleted]).toMatchObject({ path: "fixtures/old.json", line: 1, column: 12 });
    expect(byCommit[ids.branch]).toMatchObject({ path: "exp.sh", line: 1, column: 25 });
    // Removing a key is not a new leak: only the adding commits are reported.
    expect(out.findings).toHaveLength(4);
    expect(out.stats.commits).toBe(7);
  });

  it("limits the scan to a revision range", async () => {
    const run = await runCli(["scan", "--history", "main..side", "-f", "json"], { cwd: repo });
    expect(run.code).toBe(1);
    expect(parse(run.stdout).findings.map((f) => f.commit)).toEqual([ids.branch]);
  });

  it("takes the repository as PATH (given before --history)", async () => {
    const run = await runCli(["scan", repo, "--history", "HEAD~1..HEAD", "-f", "json"], {
      cwd: makeTempDirOnce(),
    });
    expect(run.code).toBe(0);
    expect(parse(run.stdout).stats.commits).toBe(1);
  });

  it("explains a bad range and a directory that is not a repository, on one line", async () => {
    const bad = await runCli(["scan", "--history", "no-such-branch..main"], { cwd: repo });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^moltbook-guard: .*To resolve, pass a revision range git understands.*\n$/);
    const notRepo = await runCli(["scan", "--history"], { cwd: makeTempDirOnce() });
    expect(notRepo.code).toBe(2);
    expect(notRepo.stderr).toMatch(/^moltbook-guard: --history needs a git repository.*To resolve, .*\n$/);
    const option = await runCli(["scan", "--history=--output=x"], { cwd: repo });
    expect(option.code).toBe(2);
    expect(option.stderr.split("\n")).toHaveLength(2);
  });
});

describe("moltbook-guard scan --staged and --diff", () => {
  let repo: string;
  const staged = makeKey();
  const committed = makeKey();

  beforeAll(() => {
    repo = makeTempDir("mg-staged-");
    initRepo(repo);
    commit(repo, "initial", { write: { "old.txt": `${committed}\n`, "a.txt": "a\n" } });
  });
  afterAll(() => removeTempDir(repo));

  it("scans only what is staged, not what is committed or merely in the working tree", async () => {
    writeFiles(repo, { "new/app.js": `// setup\nconst key = "${staged}";\n` });
    git(repo, "add", "new/app.js");
    writeFileSync(join(repo, "unstaged.txt"), `${makeKey()}\n`);
    const run = await runCli(["scan", "--staged", "-f", "json"], { cwd: repo });
    expect(run.code).toBe(1);
    expect(parse(run.stdout).findings).toEqual([
      expect.objectContaining({ path: "new/app.js", line: 2, column: 14 }),
    ]);
    git(repo, "reset", "-q");
    const clean = await runCli(["scan", "--staged"], { cwd: repo });
    expect(clean.code).toBe(0);
    git(repo, "clean", "-q", "-fd");
  });

  it("works before the first commit", async () => {
    const fresh = makeTempDirOnce();
    initRepo(fresh);
    writeFiles(fresh, { "x.env": `K=${staged}\n` });
    git(fresh, "add", "x.env");
    const run = await runCli(["scan", "--staged", "-f", "json"], { cwd: fresh });
    expect(run.code).toBe(1);
    expect(parse(run.stdout).findings[0]).toMatchObject({ path: "x.env", line: 1, column: 3 });
  });

  it("reads a unified diff from stdin and from a file; removed lines only with --include-removed", async () => {
    writeFiles(repo, { "old.txt": "rotated\n", "b.txt": `b\n${staged}\n` });
    git(repo, "add", "-A");
    const diff = git(repo, "diff", "--cached") + "\n";
    const fromStdin = await runCli(["scan", "--diff", "-f", "json"], { cwd: repo, input: diff });
    expect(fromStdin.code).toBe(1);
    expect(parse(fromStdin.stdout).findings).toEqual([
      expect.objectContaining({ path: "b.txt", line: 2, column: 1 }),
    ]);
    writeFileSync(join(repo, "..", "mg-change.diff"), diff);
    const fromFile = await runCli(
      ["scan", "--diff", "../mg-change.diff", "--include-removed", "-f", "json"],
      { cwd: repo },
    );
    const fps = parse(fromFile.stdout)
      .findings.map((f) => f.path)
      .sort();
    expect(fps).toEqual(["b.txt", "old.txt"]);
    removeTempDir(join(repo, "..", "mg-change.diff"));
    git(repo, "reset", "-q", "--hard");
  });
});

const extra: string[] = [];
afterAll(() => extra.forEach(removeTempDir));
function makeTempDirOnce(): string {
  const d = makeTempDir("mg-extra-");
  extra.push(d);
  return d;
}
