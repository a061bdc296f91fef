// Spawns the BUILT CLI (dist/bin/moltbook-guard.js): `npm test` builds first; alone, run `npm run build`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli/run-cli.js";
import { makeTempDir, removeTempDir, writeFiles } from "../support/cli/temp-dir.js";

/** Exit status 2 and exactly one line on stderr, which says what to do. */
function expectOneLineError(
  run: { code: number | null; stderr: string; stdout: string },
  pattern: RegExp,
): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr.endsWith("\n")).toBe(true);
  expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(run.stderr).toMatch(/^moltbook-guard: .*To resolve, /);
  expect(run.stderr).toMatch(pattern);
}

describe("usage and runtime errors", () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir("mg-errors-");
    writeFiles(dir, { "a.txt": "hello\n" });
  });
  afterAll(() => removeTempDir(dir));

  it("a PATH that does not exist", async () => {
    expectOneLineError(await runCli(["scan", "missing/dir"], { cwd: dir }), /missing\/dir does not exist/);
  });

  it("an unknown format, option or command", async () => {
    expectOneLineError(
      await runCli(["scan", "-f", "xml"], { cwd: dir }),
      /Allowed choices are text, json, sarif, github/,
    );
    expectOneLineError(await runCli(["scan", "--nope"], { cwd: dir }), /unknown option '--nope'/);
    expectOneLineError(await runCli(["scna"], { cwd: dir }), /unknown command 'scna'/);
  });

  it("a size that is not a size", async () => {
    expectOneLineError(
      await runCli(["scan", "--max-file-size", "big"], { cwd: dir }),
      /--max-file-size "big" is not a size/,
    );
  });

  it("modes that cannot be combined", async () => {
    expectOneLineError(await runCli(["scan", "--staged", "--history"], { cwd: dir }), /cannot be combined/);
  });

  it("--staged outside a repository", async () => {
    expectOneLineError(await runCli(["scan", "--staged"], { cwd: dir }), /--staged needs a git repository/);
  });

  it("an --ignore-file that does not exist", async () => {
    expectOneLineError(
      await runCli(["scan", "--ignore-file", "nope.txt"], { cwd: dir }),
      /cannot read the ignore file/,
    );
  });

  it("prints help with --help and exits 0", async () => {
    const run = await runCli(["scan", "--help"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--history \[range\]/);
  });
});
