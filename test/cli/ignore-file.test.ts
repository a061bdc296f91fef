// Spawns the BUILT CLI (dist/bin/moltbook-guard.js): `npm test` builds first; alone, run `npm run build`.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeKey } from "../support/cli/keys.js";
import { runCli } from "../support/cli/run-cli.js";
import { makeTempDir, removeTempDir, writeFiles } from "../support/cli/temp-dir.js";

interface JsonOut {
  findings: { path: string; fingerprint: string }[];
  stats: { ignored: number };
}

describe(".moltbook-guard-ignore", () => {
  let dir: string;
  const accepted = makeKey();
  const other = makeKey();
  let fp = "";

  beforeAll(async () => {
    dir = makeTempDir("mg-ignore-");
    writeFiles(dir, { "proj/test/fixture.txt": `${accepted}\n`, "proj/src/app.py": `k = "${other}"\n` });
    const out = JSON.parse((await runCli(["scan", "proj", "-f", "json"], { cwd: dir })).stdout) as JsonOut;
    fp = out.findings.find((f) => f.path === "proj/test/fixture.txt")!.fingerprint;
  });
  afterAll(() => removeTempDir(dir));

  it("drops findings whose fingerprint is listed with a reason, wherever the key moves", async () => {
    writeFileSync(
      join(dir, "proj", ".moltbook-guard-ignore"),
      `# accepted findings\n${fp}  # test fixture, revoked\n`,
    );
    const fromRoot = JSON.parse(
      (await runCli(["scan", "proj", "-f", "json"], { cwd: dir })).stdout,
    ) as JsonOut;
    expect(fromRoot.findings.map((f) => f.path)).toEqual(["proj/src/app.py"]);
    expect(fromRoot.stats.ignored).toBe(1);
    // Moved to another file and line: still ignored, because the fingerprint is the key's own.
    writeFiles(dir, { "proj/test/fixture.txt": "", "proj/docs/moved.md": `\n\nsee ${accepted}\n` });
    const inside = await runCli(["scan", "-f", "json"], { cwd: join(dir, "proj") });
    expect((JSON.parse(inside.stdout) as JsonOut).findings.map((f) => f.path)).toEqual(["src/app.py"]);
  });

  it("--ignore-file names the list explicitly", async () => {
    writeFileSync(join(dir, "elsewhere.txt"), `${fp} # accepted in review\n`);
    const run = await runCli(["scan", "proj/docs", "--ignore-file", "elsewhere.txt"], { cwd: dir });
    expect(run.code).toBe(0);
  });

  it("a fingerprint without a reason is an error that says how to fix it", async () => {
    writeFileSync(join(dir, "bad.txt"), `${fp}\n`);
    const run = await runCli(["scan", "proj", "--ignore-file", "bad.txt"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^moltbook-guard: .*bad\.txt:1 ignores sha256:.* without a reason\. To resolve, add why it is safe after a "#"/,
    );
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});
