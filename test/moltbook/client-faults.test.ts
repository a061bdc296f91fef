import { afterEach, describe, expect, it } from "vitest";
import { fingerprint } from "../../src/detect/index.js";
import { createMoltbookClient, MoltbookError, type MoltbookClient } from "../../src/moltbook/index.js";
import { startSimulator, type RunningSimulator } from "../../src/moltbook/simulator/index.js";
import { randomKey } from "../support/moltbook/random-key.js";

// Faults injected by the simulator over real HTTP: 503 windows, timeouts, dropped connections.

let sim: RunningSimulator | undefined;
let client: MoltbookClient | undefined;

afterEach(async () => {
  await client?.close();
  await sim?.stop();
});

async function setUp(keys: string[], clientTimeoutMs = 1000): Promise<void> {
  const admin = randomKey();
  sim = await startSimulator({ port: 0, adminKey: admin, state: { keys: keys.map((key) => ({ key })) } });
  client = createMoltbookClient({
    baseUrl: sim.url,
    adminKey: admin,
    timeoutMs: clientTimeoutMs,
    retries: 8,
    backoff: { baseMs: 50, maxMs: 400 },
    batchWindowMs: 2,
  });
}

describe("retries", () => {
  it("rides out a window of 503s", async () => {
    const keys = [randomKey()];
    await setUp(keys);
    sim!.faults.set({ outage: { durationMs: 600 } });
    const result = await client!.revoke(fingerprint(keys[0]), { reason: "leaked" });
    expect(result.outcome).toBe("revoked");
    const outcomes = sim!.state.calls.map((c) => c.outcome);
    expect(outcomes.filter((o) => o === "fault:error").length).toBeGreaterThan(0);
    expect(outcomes.at(-1)).toBe("ok");
  });

  it("gives up on a call that never answers, retries, and the idempotent revocation loses nothing", async () => {
    const keys = [randomKey(), randomKey()];
    await setUp(keys, 300);
    sim!.faults.set({ next: { kind: "timeout", count: 1 } });
    const first = await client!.revoke(fingerprint(keys[0]), { reason: "leaked" });
    // The first attempt was processed but never answered; the retry learns it is already revoked.
    expect(first.outcome).toBe("already_revoked");
    expect(sim!.state.calls.map((c) => c.outcome)).toEqual(["fault:timeout", "ok"]);
    sim!.faults.set({ next: { kind: "drop", count: 2 } });
    expect((await client!.revoke(fingerprint(keys[1]), { reason: "leaked" })).outcome).toBe("revoked");
    expect(sim!.state.calls.map((c) => c.outcome).slice(2)).toEqual(["fault:drop", "fault:drop", "ok"]);
  });

  it("revokes 300 keys through random errors, timeouts and drops with every key revoked and every caller answered", async () => {
    const keys = Array.from({ length: 300 }, () => randomKey());
    await setUp(keys, 250);
    sim!.faults.set({ errorRate: 0.15, timeoutRate: 0.1, dropRate: 0.1, latency: { minMs: 0, maxMs: 20 } });
    const results = await Promise.all(keys.map((k) => client!.revoke(fingerprint(k), { reason: "leaked" })));
    expect(results.every((r, i) => r.fingerprint === fingerprint(keys[i]))).toBe(true);
    expect(results.every((r) => r.outcome === "revoked" || r.outcome === "already_revoked")).toBe(true);
    expect(keys.every((k) => sim!.state.byFingerprint(fingerprint(k))?.revoked_at !== null)).toBe(true);
    expect(client!.stats().retries).toBeGreaterThan(0);
  });

  it("does not retry a 4xx and reports exhausted retries as unavailable", async () => {
    await setUp([randomKey()]);
    const reader = randomKey();
    await sim!.stop();
    sim = await startSimulator({ port: 0, state: { keys: [{ key: reader, scopes: ["keys:read"] }] } });
    await client!.close();
    client = createMoltbookClient({
      baseUrl: sim.url,
      adminKey: reader,
      retries: 3,
      backoff: { baseMs: 10, maxMs: 20 },
    });
    const forbidden = await client
      .revoke(fingerprint(randomKey()), { reason: "leaked" })
      .catch((e: unknown) => e);
    expect(forbidden).toMatchObject({ code: "forbidden", status: 403 });
    expect(sim.state.calls).toHaveLength(1);
    sim.faults.set({ errorRate: 1 });
    const down = (await client.lookup(fingerprint(randomKey())).catch((e: unknown) => e)) as MoltbookError;
    expect(down).toBeInstanceOf(MoltbookError);
    expect(down).toMatchObject({ code: "unavailable", status: 503, retryable: true });
    expect(sim.state.calls).toHaveLength(1 + 4);
  });
});
