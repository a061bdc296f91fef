import { afterEach, describe, expect, it } from "vitest";
import { createMoltbookClient, type MoltbookClient } from "../../src/moltbook/index.js";
import { startSimulator, type RunningSimulator } from "../../src/moltbook/simulator/index.js";
import { maxInRollingWindow } from "../support/moltbook/rolling-window.js";

// The contract's budget (100 per rolling 60 s) shrunk to 10 per second so the test runs quickly.

const LIMIT = 10;
const WINDOW = 1000;
let sim: RunningSimulator | undefined;
let client: MoltbookClient | undefined;

afterEach(async () => {
  await client?.close();
  await sim?.stop();
});

describe("rate limiting", () => {
  it("holds a burst of 35 unbatchable calls to the rolling window, without a single 429", async () => {
    sim = await startSimulator({ port: 0, keys: 20, rateLimit: { limit: LIMIT, windowMs: WINDOW } });
    client = createMoltbookClient({
      baseUrl: sim.url,
      adminKey: sim.handout.adminKey!,
      rateLimit: { limit: LIMIT, windowMs: WINDOW },
    });
    const ids = Array.from({ length: 35 }, (_, i) => sim!.state.keys[i % 20].id);
    const records = await Promise.all(ids.map((id) => client!.key(id)));
    expect(records.map((r) => r?.id)).toEqual(ids);
    const calls = sim.state.calls;
    expect(calls).toHaveLength(35);
    expect(calls.filter((c) => c.status === 429)).toEqual([]);
    expect(
      maxInRollingWindow(
        calls.map((c) => c.at),
        WINDOW,
      ),
    ).toBeLessThanOrEqual(LIMIT);
  });

  it("waits as long as Retry-After says when the server limits it anyway", async () => {
    sim = await startSimulator({ port: 0, keys: 5, rateLimit: { limit: 4, windowMs: WINDOW } });
    // A client that believes it may do far more: only the server's 429s hold it back.
    client = createMoltbookClient({
      baseUrl: sim.url,
      adminKey: sim.handout.adminKey!,
      rateLimit: { limit: 1000, windowMs: WINDOW },
    });
    const records = await Promise.all(Array.from({ length: 10 }, () => client!.key("key_governance")));
    expect(records.every((r) => r?.id === "key_governance")).toBe(true);
    const calls = sim.state.calls;
    const limited = calls.filter((c) => c.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    const firstLimited = limited[0].at;
    const retried = calls.filter((c) => c.at > firstLimited && c.status === 200);
    // Retry-After is whole seconds (1 here): nothing came back before it had passed.
    expect(Math.min(...retried.map((c) => c.at)) - firstLimited).toBeGreaterThanOrEqual(950);
    expect(
      maxInRollingWindow(
        calls.filter((c) => c.status === 200).map((c) => c.at),
        WINDOW,
      ),
    ).toBeLessThanOrEqual(4);
  });
});
