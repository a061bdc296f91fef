import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fingerprint } from "../../src/detect/index.js";
import { exportState, startSimulator, type RunningSimulator } from "../../src/moltbook/simulator/index.js";
import { randomKey } from "../support/moltbook/random-key.js";

// The simulator itself: a seeded organisation that looks real, exact states, time, faults, control.

const running: RunningSimulator[] = [];
async function start(options: Parameters<typeof startSimulator>[0]): Promise<RunningSimulator> {
  const sim = await startSimulator({ port: 0, ...options });
  running.push(sim);
  return sim;
}

afterEach(async () => {
  for (const sim of running.splice(0)) await sim.stop();
});

const NOW = new Date("2025-06-02T12:00:00Z");

describe("startSimulator", () => {
  it("generates the same organisation from the same seed, and another from another", async () => {
    const a = await start({ seed: 42, keys: 30, now: () => NOW });
    const b = await start({ seed: 42, keys: 30, now: () => NOW });
    const c = await start({ seed: 43, keys: 30, now: () => NOW });
    expect(exportState(a.state)).toEqual(exportState(b.state));
    expect(a.handout).toEqual(b.handout);
    expect(exportState(c.state)).not.toEqual(exportState(a.state));
  });

  it("generates a realistic inventory: owners, projects, sub-keys, scopes from least to full, ages over a year", async () => {
    const sim = await start({ seed: 5, keys: 120, now: () => NOW });
    const keys = sim.state.keys;
    const statuses = keys.map((k) => sim.state.status(k));
    expect(keys).toHaveLength(120);
    expect(statuses.filter((s) => s === "expired").length).toBeGreaterThan(3);
    expect(statuses.filter((s) => s === "revoked").length).toBeGreaterThan(3);
    expect(statuses.filter((s) => s === "active").length).toBeGreaterThan(40);
    expect(keys.filter((k) => k.parent_id !== null).length).toBeGreaterThan(5);
    for (const sub of keys.filter((k) => k.parent_id !== null))
      expect(sim.state.byId(sub.parent_id!)).toBeDefined();
    expect(keys.some((k) => k.scopes.join() === "agents:read")).toBe(true);
    expect(keys.some((k) => k.scopes.includes("*"))).toBe(true);
    expect(keys.some((k) => k.ip_allowlist.length > 0) && keys.some((k) => k.ip_allowlist.length === 0)).toBe(
      true,
    );
    expect(keys.every((k) => k.project === null || /^[\w-]+\/[\w-]+$/.test(k.project))).toBe(true);
    expect(new Set(keys.map((k) => k.owner.github_login)).size).toBeGreaterThan(8);
    const ages = keys.map((k) => (NOW.getTime() - Date.parse(k.created_at)) / 86_400_000);
    expect(Math.max(...ages)).toBeGreaterThan(300);
    expect(Math.min(...ages)).toBeLessThan(60);
    expect(
      keys.every((k) => /^moltbook_sk_.{4}$/.test(k.prefix) && /^sha256:[0-9a-f]{64}$/.test(k.fingerprint)),
    ).toBe(true);
    expect(keys.filter((k) => k.last_used_at === null).length).toBeGreaterThan(0);
  });

  it("writes audit logs with a daily rhythm per key", async () => {
    const sim = await start({ seed: 9, keys: 40, now: () => NOW });
    const byKey = new Map<string, number[]>();
    for (const e of sim.state.audit)
      byKey.set(e.key_id, [...(byKey.get(e.key_id) ?? []), new Date(e.at).getUTCHours()]);
    const busy = [...byKey.entries()].filter(([id, hours]) => id !== "key_governance" && hours.length >= 50);
    expect(busy.length).toBeGreaterThan(5);
    for (const [, hours] of busy) {
      // Most of a key's traffic falls within a few hours of its peak, unlike a uniform spread.
      const counts = Array.from({ length: 24 }, (_, h) => hours.filter((x) => x === h).length);
      const best = Math.max(
        ...counts.map((_, h) => [0, 1, 2, 3, 4, 5, 6].reduce((n, d) => n + counts[(h + d) % 24], 0)),
      );
      expect(best / hours.length).toBeGreaterThan(0.6);
    }
    expect(sim.state.audit.map((e) => e.at)).toEqual([...sim.state.audit.map((e) => e.at)].sort());
    const governance = byKey.get("key_governance")!;
    expect(new Set(governance).size).toBe(24); // polls around the clock
  });

  it("loads an exact state from a file, by key or by fingerprint, and exports it back", async () => {
    const live = randomKey();
    const byFingerprint = fingerprint(randomKey());
    const file = path.join(mkdtempSync(path.join(tmpdir(), "moltbook-sim-")), "state.json");
    const state = {
      keys: [
        { id: "key_admin", name: "admin", key: randomKey(), scopes: ["*"] },
        { id: "key_live", name: "live", key: live, scopes: ["agents:read"], project: "acme/app" },
        {
          id: "key_fp",
          name: "by fingerprint",
          fingerprint: byFingerprint,
          prefix: "moltbook_sk_Zz9_",
          expires_at: "2025-06-01T00:00:00Z",
        },
      ],
      foreign_keys: [{ key: randomKey() }],
    };
    writeFileSync(file, JSON.stringify(state));
    const sim = await start({ state: file, now: () => NOW });
    // Same created_at (the default), so ordered by id.
    expect(sim.state.keys.map((k) => k.id)).toEqual(["key_admin", "key_fp", "key_live"]);
    expect(sim.state.status(sim.state.byId("key_fp")!)).toBe("expired");
    expect(sim.handout.adminKey).toBe(state.keys[0].key);
    expect(sim.handout.liveKeys.map((k) => k.key)).toEqual([live]);
    const exported = exportState(sim.state);
    expect(JSON.stringify(exported)).not.toContain(live);
    const again = await start({ state: exported as never, now: () => NOW });
    expect(exportState(again.state)).toEqual(exported);
    expect(again.handout.adminKey).toBeNull();
  });

  it("refuses a bad state with a message that says what to fix", async () => {
    await expect(
      start({ state: { keys: [{ name: "neither key nor fingerprint" }] } as never }),
    ).rejects.toThrow(
      /^The simulator state is invalid \(the state object: keys\.0 give exactly one of key or fingerprint\)\. To resolve, /,
    );
    const key = randomKey();
    await expect(start({ state: { keys: [{ key }, { key }] } })).rejects.toThrow(
      /two keys share fingerprint a fingerprint/,
    );
  });

  it("says what to do when its port is taken", async () => {
    const first = await start({ keys: 2 });
    await expect(start({ keys: 2, port: first.port })).rejects.toThrow(
      new RegExp(
        `^The Moltbook simulator cannot listen on 127\\.0\\.0\\.1:${first.port} \\(EADDRINUSE\\)\\. To resolve, `,
      ),
    );
  });

  it("ages keys by its clock, which tests can move", async () => {
    let now = NOW;
    const sim = await start({
      state: { keys: [{ key: randomKey(), expires_at: "2025-06-10T00:00:00Z" }] },
      now: () => now,
    });
    const key = sim.state.keys[0];
    expect(sim.state.status(key)).toBe("active");
    now = new Date("2025-06-11T00:00:00Z");
    expect(sim.state.status(key)).toBe("expired");
    sim.clock.set(new Date("2025-06-01T00:00:00Z"));
    expect(sim.state.status(key)).toBe("active");
  });

  it("serves the control endpoint only when enabled", async () => {
    const off = await start({ keys: 3 });
    expect((await fetch(`http://127.0.0.1:${off.port}/_control/calls`)).status).toBe(404);
    const on = await start({ keys: 3, control: true });
    const base = `http://127.0.0.1:${on.port}/_control`;
    const put = await fetch(`${base}/faults`, {
      method: "PUT",
      body: JSON.stringify({ next: { kind: "error", count: 2, status: 502 } }),
    });
    expect(put.status).toBe(200);
    const bearer = { authorization: `Bearer ${on.handout.adminKey}` };
    expect((await fetch(`${on.url}/keys`, { headers: bearer })).status).toBe(502);
    expect((await fetch(`${on.url}/keys`, { headers: bearer })).status).toBe(502);
    expect((await fetch(`${on.url}/keys`, { headers: bearer })).status).toBe(200);
    const calls = (await (await fetch(`${base}/calls`)).json()) as { calls: { outcome: string }[] };
    expect(calls.calls.map((c) => c.outcome)).toEqual(["fault:error", "fault:error", "ok"]);
    expect(
      (await fetch(`${base}/faults`, { method: "PUT", body: JSON.stringify({ errorRate: 2 }) })).status,
    ).toBe(422);
    expect(
      (await fetch(`${base}/now`, { method: "PUT", body: JSON.stringify({ now: "2030-01-01T00:00:00Z" }) }))
        .status,
    ).toBe(200);
    expect(on.clock.now().getUTCFullYear()).toBe(2030);
    expect((await fetch(`${base}/calls`, { method: "DELETE" })).status).toBe(204);
    expect(on.state.calls).toHaveLength(0);
    const exported = (await (await fetch(`${base}/state`)).json()) as { keys: unknown[] };
    expect(exported.keys).toHaveLength(3);
  });

  it("injects latency and dropped connections, and records every call without a raw key", async () => {
    const sim = await start({ keys: 5, faults: { latency: { fixedMs: 60 } } });
    const bearer = { authorization: `Bearer ${sim.handout.adminKey}` };
    await fetch(`${sim.url}/keys/key_governance`, { headers: bearer });
    expect(sim.state.calls[0].ms).toBeGreaterThanOrEqual(55);
    sim.faults.set({ dropRate: 1 });
    await expect(fetch(`${sim.url}/keys`, { headers: bearer })).rejects.toThrow();
    expect(sim.state.calls[1]).toMatchObject({
      outcome: "fault:drop",
      status: null,
      caller: fingerprint(sim.handout.adminKey!),
    });
    const recorded = JSON.stringify(sim.state.calls) + JSON.stringify(exportState(sim.state));
    for (const key of [
      sim.handout.adminKey!,
      ...sim.handout.liveKeys.map((k) => k.key),
      ...sim.handout.foreignKeys,
    ]) {
      expect(recorded).not.toContain(key);
    }
  });

  it("counts the rate limit per key and tells the caller in headers", async () => {
    const sim = await start({ keys: 20, rateLimit: { limit: 2, windowMs: 60_000 } });
    const bearer = { authorization: `Bearer ${sim.handout.adminKey}` };
    const first = await fetch(`${sim.url}/keys`, { headers: bearer });
    expect([first.headers.get("x-ratelimit-limit"), first.headers.get("x-ratelimit-remaining")]).toEqual([
      "2",
      "1",
    ]);
    await fetch(`${sim.url}/keys`, { headers: bearer });
    const third = await fetch(`${sim.url}/keys`, { headers: bearer });
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThanOrEqual(59);
    expect(Number(third.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
    // Another key has its own budget.
    const other = await fetch(`${sim.url}/agents/me`, {
      headers: { authorization: `Bearer ${sim.handout.liveKeys[0].key}` },
    });
    expect(other.status).toBe(200);
  });
});
