// Spawns the BUILT CLI (dist/bin/moltbook-guard.js): `npm test` builds first; alone, run `npm run build`.
import { describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "../support/cli/run-cli.js";

describe("the command tree", () => {
  it("lists its commands, and loads `simulate` only when it runs", async () => {
    const help = await runCli(["--help"], { cwd: REPO_ROOT });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ {2}scan \[options\] \[paths\.\.\.\]/m);
    expect(help.stdout).toMatch(/^ {2}simulate /m);
    const simulate = await runCli(["simulate", "--help"], { cwd: REPO_ROOT });
    expect(simulate.code).toBe(0);
    expect(simulate.stdout).toMatch(/--port/);
  });

  it("prints the version", async () => {
    const run = await runCli(["--version"], { cwd: REPO_ROOT });
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("a bad option of a subcommand points at that subcommand's help", async () => {
    const run = await runCli(["simulate", "--port", "x"], { cwd: REPO_ROOT });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^moltbook-guard: .*To resolve, see moltbook-guard simulate --help\.\n$/);
  });
});
