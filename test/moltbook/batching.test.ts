import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint, SecretValue } from "../../src/detect/index.js";
import { createMoltbookClient, type MoltbookClient } from "../../src/moltbook/index.js";
import { startSimulator, type RunningSimulator } from "../../src/moltbook/simulator/index.js";
import { randomKey } from "../support/moltbook/random-key.js";

// A burst of 1,000 leaked keys costs ~10 calls, and each caller still gets its own result.

const leaked = Array.from({ length: 1000 }, () => randomKey());
const outsiders = Array.from({ length: 150 }, () => randomKey());
let sim: RunningSimulator;
let client: MoltbookClient;

beforeAll(async () => {
  const admin = randomKey();
  sim = await startSimulator({
    port: 0,
    adminKey: admin,
    state: {
      keys: leaked.map((key, i) => ({ key, name: `leaked ${i}`, scopes: ["agents:read"] })),
      foreign_keys: outsiders.map((key) => ({ key })),
    },
  });
  client = createMoltbookClient({ baseUrl: sim.url, adminKey: admin });
});

afterAll(async () => {
  await client?.close();
  await sim?.stop();
});

const callsOf = (operation: string): number =>
  sim.state.calls.filter((c) => c.operation === operation).length;

describe("batching", () => {
  it("revokes 1,000 keys asked for at once in at most 10 calls, each caller getting its own outcome", async () => {
    const evidenceUrl = "https://github.com/acme/app/commit/feedbeef";
    const results = await Promise.all(
      leaked.map((key) => client.revoke(fingerprint(key), { reason: "leaked", evidenceUrl })),
    );
    expect(callsOf("POST /keys/revoke")).toBeLessThanOrEqual(10);
    results.forEach((r, i) => {
      expect(r.fingerprint).toBe(fingerprint(leaked[i]));
      expect(r.outcome).toBe("revoked");
    });
    expect(sim.state.keys.filter((k) => k.revoked_at !== null)).toHaveLength(1000);
    expect(
      sim.state.calls.filter((c) => c.operation === "POST /keys/revoke").every((c) => (c.items ?? 0) <= 100),
    ).toBe(true);
  });

  it("coalesces lookups, shares duplicates, and keeps different reasons in different calls", async () => {
    const before = callsOf("POST /keys/lookup");
    const asked = [...leaked.slice(0, 250), ...leaked.slice(0, 50)].map((k) => fingerprint(k));
    const results = await client.lookupMany(asked);
    expect(results.map((r) => r.fingerprint)).toEqual(asked);
    expect(callsOf("POST /keys/lookup") - before).toBe(3);

    const revokesBefore = callsOf("POST /keys/revoke");
    const [a, b] = await Promise.all([
      client.revoke(fingerprint(leaked[0]), { reason: "leaked" }),
      client.revoke(fingerprint(leaked[1]), { reason: "policy" }),
    ]);
    expect([a.outcome, b.outcome]).toEqual(["already_revoked", "already_revoked"]);
    expect(callsOf("POST /keys/revoke") - revokesBefore).toBe(2);
  });

  it("batches reports of keys outside the inventory", async () => {
    const results = await Promise.all(outsiders.map((key) => client.reportCredential(new SecretValue(key))));
    expect(callsOf("POST /credentials/revoke")).toBe(2);
    expect(results.reduce((n, r) => n + r.submitted, 0)).toBe(100 * 100 + 50 * 50);
    expect([...sim.state.foreign.values()].every((f) => f.revoked_at !== null)).toBe(true);
  });
});
