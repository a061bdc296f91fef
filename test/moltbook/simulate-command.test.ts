import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { simulateCommand } from "../../src/cli/simulate.js";
import { KEY_SHAPED } from "../support/moltbook/random-key.js";

// `moltbook-guard simulate` as a person runs it: start, read the banner, use the printed keys, stop.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const script = `import("./src/cli/simulate.ts").then((m) => m.simulateCommand().parseAsync(process.argv.slice(1), { from: "user" }))`;

describe("simulateCommand", () => {
  it("prints the URL, the governance key and live keys once, serves them, and stops on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "-e", script, "--", "--port", "0", "--seed", "11", "--keys", "25", "--control"],
      {
        cwd: repoRoot,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner in time: ${out}`)), 25_000);
      child.stdout.on("data", () => {
        if (out.includes("Ctrl-C stops.")) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once("exit", () => reject(new Error(`exited early: ${out}`)));
    });
    const url = /MOLTBOOK_API_URL=(\S+)/.exec(out)![1];
    const admin = /MOLTBOOK_ADMIN_KEY=(\S+)/.exec(out)![1];
    expect(admin).toMatch(KEY_SHAPED);
    expect(out).toMatch(
      /25 keys \(\d+ active, \d+ expired, \d+ revoked\), \d+ audit entries; rate limit 100 per 60 s; control endpoint on/,
    );
    const live = out.split("Live keys of the organisation")[1].match(KEY_SHAPED)![0];
    const me = await fetch(`${url}/agents/me`, { headers: { authorization: `Bearer ${live}` } });
    expect(me.status).toBe(200);
    const keys = await fetch(`${url}/keys?limit=100`, { headers: { authorization: `Bearer ${admin}` } });
    expect(((await keys.json()) as { keys: unknown[] }).keys).toHaveLength(25);
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("refuses a bad flag with a clear message", async () => {
    let err = "";
    const command = simulateCommand()
      .exitOverride()
      .configureOutput({ writeErr: (text) => (err += text) });
    await expect(
      command.parseAsync(["--latency", "soon", "--port", "0"], { from: "user" }),
    ).rejects.toThrow();
    expect(err).toContain('Latency "soon" is not understood (--latency). To resolve,');
    await expect(command.parseAsync(["--outage", "later"], { from: "user" })).rejects.toThrow();
    expect(err).toContain('"later" is not START+DURATION. To resolve,');
  });
});
