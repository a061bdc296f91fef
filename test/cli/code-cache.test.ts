// Spawns the BUILT CLI (dist/bin/moltbook-guard.js): `npm test` builds first; alone, run `npm run build`.
// The bin runs the bundle from the V8 code cache the build made (src/cli-loader.ts).
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI } from "../support/cli/run-cli.js";
import { makeTempDir, removeTempDir } from "../support/cli/temp-dir.js";

function scanEmpty(bin: string, cwd: string) {
  return spawnSync(process.execPath, [bin, "scan", ".", "--format", "json"], {
    cwd,
    env: { ...process.env, MOLTBOOK_GUARD_DEBUG: "1" },
    encoding: "utf8",
  });
}

describe("the CLI's code cache", () => {
  let dir: string;
  beforeAll(() => (dir = makeTempDir()));
  afterAll(() => removeTempDir(dir));

  it("is made by the build for this Node, and used", () => {
    const r = scanEmpty(CLI, dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^moltbook-guard: code cache used /);
  });

  it("is passed over when it does not fit, and the CLI runs as usual", () => {
    // A copy of dist/bin whose cache is damaged: V8 checks it and compiles instead.
    const bin = join(dir, "bin");
    cpSync(dirname(CLI), bin, { recursive: true });
    writeFileSync(join(bin, "cli.js.cache"), Buffer.alloc(4096, 7));
    const r = scanEmpty(join(bin, "moltbook-guard.js"), dir);
    expect(r.stderr).toMatch(/^moltbook-guard: code cache rejected /);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ findings: [] });
  });

  it("exits 2, not 1 (findings), when the bundle is missing", () => {
    const bin = join(dir, "bare");
    mkdirSync(bin);
    for (const f of ["moltbook-guard.js", "package.json"]) copyFileSync(join(dirname(CLI), f), join(bin, f));
    const r = scanEmpty(join(bin, "moltbook-guard.js"), dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^moltbook-guard: cannot start \(ENOENT.*\)\. To resolve, reinstall/);
  });
});
