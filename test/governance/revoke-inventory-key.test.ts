import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeInventoryKey } from "../../src/governance/revoke-inventory-key.js";
import {
  createMoltbookClient,
  startSimulator,
  type MoltbookClient,
  type RunningSimulator,
} from "../../src/moltbook/index.js";
import { randomKey } from "../support/moltbook/random-key.js";
import { keySpec } from "./support/governance-world.js";

// The three answers a maintainer's revocation can get, from the real client against the Moltbook
// simulator over HTTP on 127.0.0.1, with an inventory made at run time.

const EVIDENCE = "https://github.com/acme/.github/issues/7";
const adminKey = randomKey();
let sim: RunningSimulator;
let client: MoltbookClient;

beforeAll(async () => {
  const guard = keySpec("key_guard", { key: adminKey, scopes: ["keys:read", "keys:revoke", "audit:read"] });
  sim = await startSimulator({
    port: 0,
    state: { keys: [guard, keySpec("key_spare"), keySpec("key_kept", { protected: true })] },
    adminKey,
  });
  client = createMoltbookClient({ baseUrl: sim.url, adminKey });
});

afterAll(async () => {
  await client?.close();
  await sim?.stop();
});

const simKey = (id: string) => sim.state.keys.find((k) => k.id === id)!;
const revokeCalls = () => sim.state.calls.filter((c) => c.operation === "POST /keys/revoke").length;

describe("revokeInventoryKey", () => {
  it("revokes a key by id for the reason manual, labelled by its prefix, and passes on Moltbook's outcome", async () => {
    const prefix = sim.state.record(simKey("key_spare")).prefix;
    expect(await revokeInventoryKey(client, "key_spare", EVIDENCE)).toEqual({
      kind: "revoked",
      outcome: "revoked",
      label: `${prefix}…`,
    });
    expect([simKey("key_spare").revoked_at !== null, simKey("key_spare").revoked_reason]).toEqual([
      true,
      "manual",
    ]);
    expect(await revokeInventoryKey(client, "key_spare", EVIDENCE)).toMatchObject({
      kind: "revoked",
      outcome: "already_revoked",
    });
    expect(await revokeInventoryKey(client, "key_kept", EVIDENCE)).toMatchObject({
      kind: "revoked",
      outcome: "forbidden",
    });
  });

  it("answers not_in_inventory for an id Moltbook does not know, without a revoke call", async () => {
    const before = revokeCalls();
    expect(await revokeInventoryKey(client, "key_gone", EVIDENCE)).toEqual({ kind: "not_in_inventory" });
    expect(revokeCalls()).toBe(before);
  });

  it("refuses the app's own governance key, which stays live", async () => {
    const before = revokeCalls();
    expect(await revokeInventoryKey(client, "key_guard", EVIDENCE)).toEqual({ kind: "own_key" });
    expect(revokeCalls()).toBe(before);
    expect(simKey("key_guard").revoked_at).toBeNull();
  });
});
