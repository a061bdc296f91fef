// Spawns the BUILT CLI (dist/bin/moltbook-guard.js): `npm test` builds first; alone, run `npm run build`.
// The report is written with blocking writes rather than through process.stdout (src/cli/std-out.ts):
// these check the two pipes that path must still serve.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeKey } from "../support/cli/keys.js";
import { CLI, runCommand } from "../support/cli/run-cli.js";
import { makeTempDir, removeTempDir, writeFiles } from "../support/cli/temp-dir.js";

/** Runs a bash line with $CLI and $NODE set. */
const bash = (line: string, cwd: string) =>
  runCommand("bash", ["-c", line], { cwd, env: { CLI, NODE: process.execPath } });

/** The test that needs a non-blocking pipe sets the flag with python3 (Node has no fcntl). */
const HAS_PYTHON = spawnSync("python3", ["--version"]).status === 0;

describe("the report on a pipe", () => {
  let dir: string;
  const FILES = 600;

  beforeAll(() => {
    dir = makeTempDir();
    // ~600 findings: a JSON report of ~200 KB, more than a pipe holds at once.
    writeFiles(
      dir,
      Object.fromEntries(Array.from({ length: FILES }, (_, i) => [`f${i}.env`, `K=${makeKey()}\n`])),
    );
  });
  afterAll(() => removeTempDir(dir));

  it.skipIf(!HAS_PYTHON)(
    "arrives whole through a non-blocking pipe whose reader is slow (needs python3)",
    async () => {
      // The pipe's O_NONBLOCK is set on the shared open file, so the CLI inherits it; `sleep` makes
      // the first writes find the pipe full (EAGAIN).
      const line =
        `python3 -c 'import fcntl, os; fcntl.fcntl(1, fcntl.F_SETFL, fcntl.fcntl(1, fcntl.F_GETFL) | os.O_NONBLOCK)' && ` +
        `"$NODE" "$CLI" scan . --format json; echo "exit $?" >&2`;
      const r = await bash(`{ ${line}; } | { sleep 0.5; cat; }`, dir);
      const report = JSON.parse(r.stdout) as { findings: unknown[] };
      expect(report.findings).toHaveLength(FILES);
      expect(r.stderr).toBe("exit 1\n");
    },
  );

  it("ends quietly when the reader stops reading (| head)", async () => {
    const r = await bash(
      `"$NODE" "$CLI" scan . --format json | head -c 10; echo " exit \${PIPESTATUS[0]}"`,
      dir,
    );
    expect(r.stdout).toBe('{\n  "findi exit 1\n');
    expect(r.stderr).toBe("");
  });

  it("prints --help in full, and quietly into | head", async () => {
    const whole = await bash(`"$NODE" "$CLI" scan --help`, dir);
    expect(whole.stdout).toMatch(/^Usage: moltbook-guard scan/);
    expect(whole.stdout).toMatch(/--no-progress/);
    const cut = await bash(`"$NODE" "$CLI" scan --help | head -c 5; echo " exit \${PIPESTATUS[0]}"`, dir);
    expect(cut.stdout).toBe("Usage exit 0\n");
    expect(cut.stderr).toBe("");
  });
});
