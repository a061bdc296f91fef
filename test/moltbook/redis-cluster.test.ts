import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { connect } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMoltbookClient } from "../../src/moltbook/client.js";
import { startSimulator, type RunningSimulator } from "../../src/moltbook/simulator/index.js";
import { maxInRollingWindow } from "../support/moltbook/rolling-window.js";

// Two processes, two limiters, one budget in Redis: together they never exceed the window.

const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const worker = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../support/moltbook/limited-worker.ts",
);
const run = promisify(execFile);
const LIMIT = 8;
const WINDOW = 1000;

function redisReachable(): Promise<boolean> {
  const { hostname, port } = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379), timeout: 1000 });
    socket.once("connect", () => (socket.end(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

const reachable = await redisReachable();
if (!reachable && process.env.CI === "true") {
  throw new Error(
    `Redis is not reachable at ${REDIS_URL} (CI=true). To resolve, start redis-server before the tests.`,
  );
}
if (!reachable)
  console.warn(`Skipping the Redis-clustered rate-limit test: Redis is not reachable at ${REDIS_URL}.`);

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, keys: 10, rateLimit: { limit: LIMIT, windowMs: WINDOW } });
});

afterAll(async () => {
  await sim?.stop();
});

async function twoWorkers(perWorker: number, redisUrl: string): Promise<{ ok: number; failed: string[] }[]> {
  const ids = Array.from({ length: perWorker }, (_, i) => sim.state.keys[i % 10].id).join(",");
  const env = {
    ...process.env,
    SIM_URL: sim.url,
    SIM_ADMIN_KEY: sim.handout.adminKey!,
    REDIS_URL: redisUrl,
    LIMITER_ID: `moltbook-guard-test:${randomUUID()}`,
    LIMIT: String(LIMIT),
    WINDOW_MS: String(WINDOW),
    KEY_IDS: ids,
  };
  const spawn = () => run(process.execPath, ["--import", "tsx", worker], { env, timeout: 25_000 });
  const outputs = await Promise.all([spawn(), spawn()]);
  return outputs.map((o) => JSON.parse(o.stdout.trim().split("\n").pop()!));
}

describe.skipIf(!reachable)("rate limiting clustered through Redis", () => {
  it("keeps two processes together within one rolling window budget", async () => {
    sim.state.calls.length = 0;
    const results = await twoWorkers(16, REDIS_URL);
    expect(results).toEqual([
      { ok: 16, failed: [] },
      { ok: 16, failed: [] },
    ]);
    const calls = sim.state.calls;
    expect(calls).toHaveLength(32);
    expect(calls.filter((c) => c.status === 429)).toEqual([]);
    expect(
      maxInRollingWindow(
        calls.map((c) => c.at),
        WINDOW,
      ),
    ).toBeLessThanOrEqual(LIMIT);
  });

  it("would overrun the budget with two unshared limiters (the control case)", async () => {
    await new Promise((resolve) => setTimeout(resolve, WINDOW + 50));
    sim.state.calls.length = 0;
    const options = {
      baseUrl: sim.url,
      adminKey: sim.handout.adminKey!,
      rateLimit: { limit: LIMIT, windowMs: WINDOW },
      retries: 0,
    };
    const clients = [createMoltbookClient(options), createMoltbookClient(options)];
    const results = await Promise.allSettled(
      clients.flatMap((c) => Array.from({ length: LIMIT }, () => c.key("key_governance"))),
    );
    await Promise.all(clients.map((c) => c.close()));
    expect(
      results.filter((r) => r.status === "rejected").map((r) => (r.reason as { code: string }).code),
    ).toContain("rate_limited");
  });
});
