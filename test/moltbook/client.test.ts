import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint, SecretValue } from "../../src/detect/index.js";
import { createMoltbookClient, MoltbookError, type MoltbookClient } from "../../src/moltbook/index.js";
import { startSimulator, type RunningSimulator } from "../../src/moltbook/simulator/index.js";
import { randomKey } from "../support/moltbook/random-key.js";

// The client against the simulator over real HTTP: typed calls, pagination to the end, liveness.

let sim: RunningSimulator;
let client: MoltbookClient;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 3, keys: 57, rateLimit: { limit: 1000, windowMs: 60_000 } });
  client = createMoltbookClient({
    baseUrl: sim.url,
    adminKey: sim.handout.adminKey!,
    rateLimit: { limit: 1000, windowMs: 60_000 },
  });
});

afterAll(async () => {
  await client?.close();
  await sim?.stop();
});

describe("createMoltbookClient", () => {
  it("walks the whole inventory, page by page, in the contract's order", async () => {
    const before = sim.state.calls.length;
    const ids: string[] = [];
    for await (const key of client.keys({ pageSize: 10 })) ids.push(key.id);
    expect(ids).toEqual(sim.state.keys.map((k) => k.id));
    expect(sim.state.calls.length - before).toBe(6);
    const revoked: string[] = [];
    for await (const key of client.keys({ status: "revoked" })) revoked.push(key.id);
    expect(revoked).toEqual(sim.state.keys.filter((k) => sim.state.status(k) === "revoked").map((k) => k.id));
  });

  it("walks the audit log to the end, for one key and for all", async () => {
    const since = new Date(Date.now() - 15 * 86_400_000);
    let count = 0;
    let last = "";
    for await (const entry of client.auditLogs({ since, pageSize: 700 })) {
      expect(entry.at >= last).toBe(true);
      last = entry.at;
      count++;
    }
    expect(count).toBeGreaterThanOrEqual(sim.state.audit.length - 1);
    const busiest = sim.state.keys[1].id;
    const mine = [];
    for await (const entry of client.auditLogs({ keyId: busiest, since })) mine.push(entry);
    expect(mine.every((e) => e.key_id === busiest)).toBe(true);
    expect(mine.length).toBe(sim.state.audit.filter((e) => e.key_id === busiest).length);
  });

  it("reads one key, and answers null for a key the organisation does not have", async () => {
    const key = sim.state.keys[5];
    expect(await client.key(key.id)).toEqual(sim.state.record(key));
    expect(await client.key("key_does_not_exist")).toBeNull();
  });

  it("looks keys up, unknown ones included", async () => {
    const known = sim.state.keys[2];
    const [a, b] = await client.lookupMany([known.fingerprint, fingerprint(randomKey())]);
    expect(a).toEqual({
      fingerprint: known.fingerprint,
      status: sim.state.status(known),
      key: sim.state.record(known),
    });
    expect(b.status).toBe("unknown");
    expect(b.key).toBeNull();
  });

  it("revokes idempotently and tells live keys from dead ones through /agents/me", async () => {
    const live = new SecretValue(sim.handout.liveKeys[0].key);
    expect(await client.agentMe(live)).toMatchObject({ live: true, agent: { name: expect.any(String) } });
    const calls = sim.state.calls.length;
    await client.agentMe(live);
    expect(sim.state.calls.length).toBe(calls); // cached
    const evidenceUrl = "https://github.com/acme/app/commit/0a1b2c3";
    const first = await client.revoke(fingerprint(live.reveal()), { reason: "leaked", evidenceUrl });
    expect(first.outcome).toBe("revoked");
    const second = await client.revoke(fingerprint(live.reveal()), { reason: "leaked", evidenceUrl });
    expect(second).toEqual({ ...first, outcome: "already_revoked" });
    expect(await client.agentMe(live)).toEqual({ live: false });
    expect(await client.agentMe(new SecretValue(randomKey()))).toEqual({ live: false });
  });

  it("reports a key outside the inventory, which Moltbook then revokes", async () => {
    const foreign = new SecretValue(sim.handout.foreignKeys[0]);
    expect((await client.lookup(fingerprint(foreign.reveal()))).status).toBe("unknown");
    expect(await client.agentMe(foreign)).toMatchObject({ live: true });
    expect(await client.reportCredential(foreign, "https://github.com/acme/app/pull/9")).toEqual({
      reported: true,
      accepted: 1,
      submitted: 1,
    });
    expect(await client.agentMe(foreign)).toEqual({ live: false });
  });

  it("refuses malformed input before sending anything, without echoing it", async () => {
    const calls = sim.state.calls.length;
    const raw = randomKey();
    const attempts: (() => Promise<unknown>)[] = [
      () => client.lookup(raw),
      () => client.revoke(raw, { reason: "leaked" }),
      () => client.revoke(fingerprint(raw), { reason: "bored" as never }),
      () => client.revoke(fingerprint(raw), { reason: "leaked", evidenceUrl: "not a url" }),
      () => client.reportCredential(new SecretValue("moltbook_sk_short")),
    ];
    for (const attempt of attempts) {
      const error = (await Promise.resolve()
        .then(attempt)
        .catch((e: unknown) => e)) as MoltbookError;
      expect(error).toBeInstanceOf(MoltbookError);
      expect(error.code).toBe("invalid");
      expect(error.message).toMatch(/To resolve, /);
      expect(error.message).not.toContain(raw);
    }
    expect(sim.state.calls.length).toBe(calls);
  });

  it("counts the calls it made", () => {
    const stats = client.stats();
    expect(stats.requests).toBeGreaterThan(0);
    expect(stats.byOperation["GET /keys"]).toBeGreaterThan(0);
  });
});
