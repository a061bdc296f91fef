import { afterEach, describe, expect, it } from "vitest";
import {
  checkGovernanceKey,
  createMoltbookClient,
  GOVERNANCE_SCOPES,
  type MoltbookClient,
} from "../../src/moltbook/index.js";
import { startSimulator, type RunningSimulator } from "../../src/moltbook/simulator/index.js";
import { randomKey } from "../support/moltbook/random-key.js";

// The start-up check of MOLTBOOK_ADMIN_KEY against the simulator: works, least privilege, not less.

const open: { sim: RunningSimulator; client: MoltbookClient }[] = [];

afterEach(async () => {
  for (const { sim, client } of open.splice(0)) {
    await client.close();
    await sim.stop();
  }
});

async function checkWith(record: Record<string, unknown> | null, adminKey = randomKey()) {
  const keys = record ? [{ key: adminKey, ...record }] : [{ key: randomKey(), scopes: ["*"] }];
  const sim = await startSimulator({ port: 0, state: { keys } });
  const client = createMoltbookClient({ baseUrl: sim.url, adminKey, retries: 0 });
  open.push({ sim, client });
  return checkGovernanceKey(client);
}

describe("checkGovernanceKey", () => {
  it("passes a key with exactly keys:read, keys:revoke and audit:read", async () => {
    expect(await checkWith({ scopes: [...GOVERNANCE_SCOPES] })).toEqual({
      ok: true,
      scopes: [...GOVERNANCE_SCOPES],
      warnings: [],
    });
  });

  it("passes a key with more, and warns which scopes are too many", async () => {
    const result = await checkWith({ scopes: [...GOVERNANCE_SCOPES, "keys:admin", "posts:write"] });
    expect(result.ok).toBe(true);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(
      /^MOLTBOOK_ADMIN_KEY has more scopes than it needs \(keys:admin, posts:write\)\. To resolve, /,
    );
    const all = await checkWith({ scopes: ["*"] });
    expect(all.ok).toBe(true);
    expect(all.warnings[0]).toContain("(*)");
  });

  it("fails a key that lacks a scope, naming it", async () => {
    const result = await checkWith({ scopes: ["keys:read", "audit:read"] });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(
      /^MOLTBOOK_ADMIN_KEY lacks keys:revoke \(its scopes: keys:read, audit:read\)\. To resolve, grant it keys:revoke/,
    );
    const blind = await checkWith({ scopes: ["keys:revoke", "audit:read"] });
    expect(blind).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^MOLTBOOK_ADMIN_KEY lacks keys:read/),
    });
  });

  it("fails a key Moltbook does not accept", async () => {
    const result = await checkWith(null);
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/^Moltbook rejected MOLTBOOK_ADMIN_KEY \(401 /);
    const revoked = await checkWith({ scopes: [...GOVERNANCE_SCOPES], revoked_at: new Date().toISOString() });
    expect(revoked.error).toMatch(/^Moltbook rejected MOLTBOOK_ADMIN_KEY/);
  });

  it("warns when the key expires soon", async () => {
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const result = await checkWith({ scopes: [...GOVERNANCE_SCOPES], expires_at: soon });
    expect(result.ok).toBe(true);
    expect(result.warnings[0]).toMatch(/^MOLTBOOK_ADMIN_KEY expires on .* \(in [45] days\)\. To resolve, /);
  });

  it("works with the simulator's own governance key, generated or fixed with --admin-key", async () => {
    const sim = await startSimulator({ port: 0, keys: 5 });
    const client = createMoltbookClient({ baseUrl: sim.url, adminKey: sim.handout.adminKey! });
    open.push({ sim, client });
    expect((await checkGovernanceKey(client)).ok).toBe(true);
    const fixed = randomKey();
    const sim2 = await startSimulator({
      port: 0,
      keys: 5,
      adminKey: fixed,
      adminScopes: [...GOVERNANCE_SCOPES, "keys:admin"],
    });
    const client2 = createMoltbookClient({ baseUrl: sim2.url, adminKey: fixed });
    open.push({ sim: sim2, client: client2 });
    const check = await checkGovernanceKey(client2);
    expect(check.ok).toBe(true);
    expect(check.warnings[0]).toContain("keys:admin");
  });

  it("confirms scopes by probes when its own record is not in the inventory", async () => {
    // A Moltbook-compatible provider may not list the governance key: stand one in with the interface.
    const probes: string[] = [];
    const client = {
      adminFingerprint: "sha256:" + "0".repeat(64),
      lookup: async (fp: string) => (
        probes.push("lookup"),
        { fingerprint: fp, status: "unknown" as const, key: null }
      ),
      revoke: async (fp: string) => (
        probes.push("revoke"),
        { fingerprint: fp, outcome: "not_found" as const, revoked_at: null }
      ),
      auditLogs: () => (probes.push("audit"), (async function* () {})()),
    } as unknown as MoltbookClient;
    const result = await checkGovernanceKey(client);
    expect(probes).toEqual(["lookup", "revoke", "audit"]);
    expect(result).toMatchObject({ ok: true, scopes: [...GOVERNANCE_SCOPES] });
    expect(result.warnings[0]).toMatch(/not in the organisation's inventory/);
  });
});
