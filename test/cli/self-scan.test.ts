// Spawns the BUILT CLI (dist/bin/moltbook-guard.js): `npm test` builds first; alone, run `npm run build`.
import { describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "../support/cli/run-cli.js";

describe("the project's own tree", () => {
  it("scans clean with its own CLI: tests build their keys at run time", async () => {
    const run = await runCli(["scan", ".", "--format", "json"], { cwd: REPO_ROOT });
    const out = JSON.parse(run.stdout) as { findings: { path: string; line: number }[] };
    expect(out.findings.map((f) => `${f.path}:${f.line}`)).toEqual([]);
    expect(run.code).toBe(0);
  });
});
