// Spawns the BUILT CLI (dist/bin/moltbook-guard.js) against the Moltbook simulator, both on
// 127.0.0.1: `scan --verify` looks found keys up by fingerprint and says what Moltbook reports.
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/moltbook/index.js";
import { keySpec } from "../governance/support/governance-world.js";
import { containsRawKey } from "../support/cli/keys.js";
import { runCli, type CliRun } from "../support/cli/run-cli.js";
import { makeTempDir, removeTempDir, writeFiles } from "../support/cli/temp-dir.js";
import { randomDevKey, randomKey } from "../support/moltbook/random-key.js";

const adminKey = randomKey();
const live = keySpec("key_live");
const revoked = keySpec("key_revoked", { revoked_at: new Date(Date.now() - 3_600_000).toISOString() });
const expired = keySpec("key_expired", { expires: -1 });
const outside = randomKey();
const devKey = randomDevKey();
const raw = [adminKey, live.key!, revoked.key!, expired.key!, outside, devKey];

let sim: RunningSimulator;
let dir: string;

/** The CLI's environment for a simulator at `url`: no retries, so a failure shows at once. */
const env = (url: string, key: string | undefined = adminKey) => ({
  MOLTBOOK_API_URL: url,
  MOLTBOOK_ADMIN_KEY: key,
  MOLTBOOK_RETRIES: "0",
  MOLTBOOK_TIMEOUT_MS: "2000",
});

beforeAll(async () => {
  const guard = keySpec("key_guard", { key: adminKey, scopes: ["keys:read"] });
  sim = await startSimulator({ port: 0, state: { keys: [guard, live, revoked, expired] }, adminKey });
  dir = makeTempDir("mg-verify-");
  writeFiles(dir, {
    "a.py": `LIVE = "${live.key}"\n`,
    "b.py": `DEAD = "${revoked.key}"\nAGAIN = "${live.key}"\n`,
    "c.ts": `export const old = "${expired.key}";\n`,
    "d.env": `OTHER_ORG=${outside}\nDEV=${devKey}\n`,
  });
});

afterAll(async () => {
  await sim?.stop();
  if (dir) removeTempDir(dir);
});

const statuses = (run: CliRun) =>
  (JSON.parse(run.stdout) as { findings: { path: string; line: number; status?: string }[] }).findings.map(
    (f) => `${f.path}:${f.line} ${f.status ?? "-"}`,
  );

describe("scan --verify", () => {
  it("reports what Moltbook says of each key, looking them up by fingerprint only", async () => {
    const before = sim.state.calls.length;
    const run = await runCli(["scan", ".", "--verify", "-f", "json"], { cwd: dir, env: env(sim.url) });
    expect(run.code).toBe(1);
    expect(statuses(run)).toEqual([
      "a.py:1 active",
      "b.py:1 revoked",
      "b.py:2 active",
      "c.ts:1 expired",
      "d.env:1 unknown",
      "d.env:2 unknown",
    ]);
    const calls = sim.state.calls.slice(before);
    // One batched lookup of the four distinct API keys: never /agents/me or /credentials/revoke,
    // the calls that would present a key.
    expect(calls.map((c) => [c.operation, c.status, c.items])).toEqual([["POST /keys/lookup", 200, 4]]);
    expect(containsRawKey(run.stdout + run.stderr, raw)).toBe(false);
  });

  it("shows the status on each text line, live keys first to the eye, and counts them", async () => {
    const run = await runCli(["scan", ".", "--verify"], { cwd: dir, env: env(sim.url) });
    expect(run.code).toBe(1);
    const lines = run.stdout.split("\n");
    expect(lines.find((l) => l.startsWith("a.py:1:"))).toMatch(
      /moltbook_api_key {2}moltbook_sk_\S+ {2}ACTIVE {2}sha256:/,
    );
    expect(lines.find((l) => l.startsWith("b.py:1:"))).toMatch(/ {2}revoked {2}sha256:/);
    expect(lines.find((l) => l.startsWith("d.env:2:"))).toMatch(
      /moltbook_dev_key .* {2}status unknown {2}sha256:/,
    );
    expect(run.stdout).toContain("2 active, 1 revoked, 1 expired, 2 status unknown");
    expect(containsRawKey(run.stdout + run.stderr, raw)).toBe(false);
  });

  it("says it in SARIF and GitHub annotations too, with the action that fits", async () => {
    const sarif = await runCli(["scan", "a.py", "b.py", "--verify", "-f", "sarif"], {
      cwd: dir,
      env: env(sim.url),
    });
    const results = JSON.parse(sarif.stdout).runs[0].results as {
      message: { text: string };
      properties: { status: string };
    }[];
    expect(results.map((r) => r.properties.status)).toEqual(["active", "revoked", "active"]);
    expect(results[0].message.text).toMatch(/Moltbook reports it active.*Revoke the key in Moltbook/);
    expect(results[1].message.text).toMatch(/Moltbook reports it revoked: it no longer works\. Remove it/);
    const github = await runCli(["scan", "c.ts", "--verify", "-f", "github"], {
      cwd: dir,
      env: env(sim.url),
    });
    expect(github.stdout).toMatch(/^::error file=c\.ts,.*Moltbook reports it expired/);
  });

  it("leaves the JSON shape as it was without --verify", async () => {
    const run = await runCli(["scan", "a.py", "-f", "json"], { cwd: dir, env: env(sim.url) });
    expect(statuses(run)).toEqual(["a.py:1 -"]);
  });

  it("asks for MOLTBOOK_ADMIN_KEY before scanning anything", async () => {
    const run = await runCli(["scan", ".", "--verify"], { cwd: dir, env: env(sim.url, "") });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/--verify needs MOLTBOOK_ADMIN_KEY.*To resolve/);
  });

  it("still prints every finding, unverified, when Moltbook refuses or cannot be reached, and exits 2", async () => {
    const refused = await runCli(["scan", ".", "--verify", "-f", "json"], {
      cwd: dir,
      env: env(sim.url, randomKey()),
    });
    expect(refused.code).toBe(2);
    expect(statuses(refused)).toHaveLength(6);
    expect(statuses(refused).every((s) => s.endsWith(" -"))).toBe(true);
    expect(refused.stderr).toMatch(/could not be verified: .*To resolve/);

    const unreachable = await runCli(["scan", "a.py", "--verify"], {
      cwd: dir,
      env: env(await closedPortUrl()),
    });
    expect(unreachable.code).toBe(2);
    expect(unreachable.stdout).toMatch(/^a\.py:1:\d+ {2}moltbook_api_key/);
    expect(unreachable.stderr).toMatch(/could not be verified: Moltbook did not answer.*MOLTBOOK_API_URL/);
    expect(
      containsRawKey(refused.stdout + refused.stderr + unreachable.stdout + unreachable.stderr, raw),
    ).toBe(false);
  });
});

/** A loopback URL nothing listens on: a port the system gave out and took back. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/api/v1`;
}
