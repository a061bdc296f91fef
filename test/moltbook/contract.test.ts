import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { fingerprint } from "../../src/detect/index.js";
import * as schemas from "../../src/moltbook/schemas.js";
import { startSimulator, type RunningSimulator } from "../../src/moltbook/simulator/index.js";
import { checkResponse, contractExamples, declaredResponses } from "../support/moltbook/openapi.js";
import { randomKey } from "../support/moltbook/random-key.js";

// Every response the simulator gives is checked against ../shared/moltbook-api.openapi.yaml with ajv,
// and every success body also goes through the client's own parsers.

const admin = randomKey();
const reader = randomKey(); // agents:read only: no management scope
const revoked = randomKey();
const live = randomKey();
const foreign = randomKey();
const pinned = randomKey();
const day = 86_400_000;
const now = Date.now();

const state = {
  keys: [
    { id: "key_admin", name: "governance", key: admin, scopes: ["keys:read", "keys:revoke", "audit:read"] },
    {
      id: "key_reader",
      name: "reader",
      key: reader,
      scopes: ["agents:read"],
      owner: { email: "ada@acme.example", github_login: "ada" },
      project: "acme/app",
      purpose: "prod",
      ip_allowlist: ["192.0.2.0/24"],
    },
    {
      id: "key_revoked",
      name: "old",
      key: revoked,
      scopes: ["posts:write"],
      revoked_at: new Date(now - 2 * day).toISOString(),
      revoked_reason: "manual",
    },
    {
      id: "key_expired",
      name: "expired",
      fingerprint: fingerprint(randomKey()),
      prefix: "moltbook_sk_Ab3d",
      scopes: [],
      expires_at: new Date(now - day).toISOString(),
      parent_id: "key_reader",
    },
    {
      id: "key_live",
      name: "live",
      key: live,
      scopes: ["*"],
      expires_at: new Date(now + 90 * day).toISOString(),
      last_used_at: new Date(now - day).toISOString(),
    },
    { id: "key_pinned", name: "pinned", key: pinned, scopes: ["agents:read"], protected: true },
    ...Array.from({ length: 12 }, (_, i) => ({
      name: `bulk ${i}`,
      key: randomKey(),
      created_at: new Date(now - (i + 40) * day).toISOString(),
    })),
  ],
  foreign_keys: [{ key: foreign }],
  audit_logs: Array.from({ length: 30 }, (_, i) => ({
    id: `log_${String(i).padStart(4, "0")}`,
    at: new Date(now - (30 - i) * 3_600_000).toISOString(),
    key_id: i % 2 ? "key_live" : "key_reader",
    ip: "192.0.2.7",
    method: "GET",
    path: "/api/v1/agents/me",
    status: 200,
    user_agent: i % 3 ? "sdk/1.0" : null,
  })),
};

const parsers: Record<string, z.ZodType> = {
  "GET /agents/me 200": schemas.agentMeSchema,
  "GET /agents/me 401": schemas.agentMeRejectedSchema,
  "GET /keys 200": schemas.keysPageSchema,
  "GET /keys/{id} 200": schemas.keyRecordSchema,
  "POST /keys/lookup 200": schemas.lookupResponseSchema,
  "POST /keys/revoke 200": schemas.revokeResponseSchema,
  "POST /credentials/revoke 202": schemas.credentialsResponseSchema,
  "GET /audit-logs 200": schemas.auditPageSchema,
};

let sim: RunningSimulator;
let tight: RunningSimulator; // one call per window: the second call of any kind is a 429
const covered = new Set<string>();
const problems: string[] = [];

async function call(
  target: RunningSimulator,
  operation: string,
  path: string,
  init: { bearer?: string; body?: unknown } = {},
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = {};
  if (init.bearer) headers.authorization = `Bearer ${init.bearer}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(target.url + path, {
    method: operation.split(" ")[0],
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const body: unknown = await res.json();
  const key = `${operation} ${res.status}`;
  covered.add(key);
  for (const p of checkResponse(operation, res.status, body, res.headers)) problems.push(`${key}: ${p}`);
  const parser = parsers[key] ?? (res.status >= 400 ? schemas.errorBodySchema : undefined);
  const parsed = parser?.safeParse(body);
  if (parsed && !parsed.success) problems.push(`${key}: the client cannot parse it: ${parsed.error.message}`);
  if (parsed?.success && parsers[key]) expect(parsed.data).toEqual(body);
  return { status: res.status, body };
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, state, rateLimit: { limit: 10_000, windowMs: 60_000 } });
  tight = await startSimulator({ port: 0, state, rateLimit: { limit: 1, windowMs: 60_000 } });
});

afterAll(async () => {
  await sim?.stop();
  await tight?.stop();
});

const fp = (key: string): string => fingerprint(key);
const since = new Date(now - 7 * day).toISOString();

describe("the simulator against the OpenAPI contract", () => {
  it("answers GET /agents/me with 200 for live keys and 401 otherwise", async () => {
    expect((await call(sim, "GET /agents/me", "/agents/me", { bearer: live })).status).toBe(200);
    expect((await call(sim, "GET /agents/me", "/agents/me", { bearer: foreign })).status).toBe(200);
    expect((await call(sim, "GET /agents/me", "/agents/me", { bearer: revoked })).status).toBe(401);
    expect((await call(sim, "GET /agents/me", "/agents/me")).status).toBe(401);
  });

  it("pages GET /keys to the end, filters by status, and refuses bad queries", async () => {
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const { status, body } = await call(sim, "GET /keys", `/keys?limit=5${q}`, { bearer: admin });
      expect(status).toBe(200);
      const page = body as { keys: { id: string }[]; next_cursor: string | null };
      seen.push(...page.keys.map((k) => k.id));
      cursor = page.next_cursor;
    }
    expect(seen).toHaveLength(state.keys.length);
    expect(new Set(seen).size).toBe(seen.length);
    const expired = await call(sim, "GET /keys", "/keys?status=expired", { bearer: admin });
    expect((expired.body as { keys: { id: string }[] }).keys.map((k) => k.id)).toEqual(["key_expired"]);
    expect((await call(sim, "GET /keys", "/keys?limit=0", { bearer: admin })).status).toBe(422);
    expect((await call(sim, "GET /keys", "/keys?limit=101", { bearer: admin })).status).toBe(422);
    expect((await call(sim, "GET /keys", "/keys?status=gone", { bearer: admin })).status).toBe(422);
    expect((await call(sim, "GET /keys", "/keys?cursor=nonsense", { bearer: admin })).status).toBe(422);
    expect((await call(sim, "GET /keys", "/keys", { bearer: reader })).status).toBe(403);
    expect((await call(sim, "GET /keys", "/keys", { bearer: revoked })).status).toBe(401);
    expect((await call(sim, "GET /keys", "/keys")).status).toBe(401);
  });

  it("answers GET /keys/{id} with the record, 404, 403 or 401", async () => {
    expect((await call(sim, "GET /keys/{id}", "/keys/key_reader", { bearer: admin })).status).toBe(200);
    expect((await call(sim, "GET /keys/{id}", "/keys/key_expired", { bearer: admin })).status).toBe(200);
    expect((await call(sim, "GET /keys/{id}", "/keys/key_nope", { bearer: admin })).status).toBe(404);
    expect((await call(sim, "GET /keys/{id}", "/keys/key_admin", { bearer: reader })).status).toBe(403);
    expect((await call(sim, "GET /keys/{id}", "/keys/key_admin", { bearer: randomKey() })).status).toBe(401);
  });

  it("answers POST /keys/lookup in request order with unknown for keys outside the inventory", async () => {
    const asked = [fp(reader), fp(foreign), fp(revoked), fp(live)];
    const { body } = await call(sim, "POST /keys/lookup", "/keys/lookup", {
      bearer: admin,
      body: { fingerprints: asked },
    });
    const results = (body as { results: { fingerprint: string; status: string }[] }).results;
    expect(results.map((r) => r.fingerprint)).toEqual(asked);
    expect(results.map((r) => r.status)).toEqual(["active", "unknown", "revoked", "active"]);
    for (const bad of [
      {},
      { fingerprints: [] },
      { fingerprints: ["sha256:ABC"] },
      { fingerprints: Array(101).fill(fp(live)) },
    ]) {
      expect(
        (await call(sim, "POST /keys/lookup", "/keys/lookup", { bearer: admin, body: bad })).status,
      ).toBe(422);
    }
    expect(
      (
        await call(sim, "POST /keys/lookup", "/keys/lookup", {
          bearer: reader,
          body: { fingerprints: asked },
        })
      ).status,
    ).toBe(403);
    expect(
      (await call(sim, "POST /keys/lookup", "/keys/lookup", { body: { fingerprints: asked } })).status,
    ).toBe(401);
  });

  it("revokes idempotently with every outcome, and validates the request", async () => {
    const asked = [fp(reader), fp(reader), fp(revoked), fp(foreign), fp(pinned)];
    const body = {
      fingerprints: asked,
      reason: "leaked",
      evidence_url: "https://github.com/acme/app/commit/0123abc",
    };
    const first = await call(sim, "POST /keys/revoke", "/keys/revoke", { bearer: admin, body });
    const outcomes = (first.body as { results: { outcome: string; revoked_at: string | null }[] }).results;
    expect(outcomes.map((r) => r.outcome)).toEqual([
      "revoked",
      "already_revoked",
      "already_revoked",
      "not_found",
      "forbidden",
    ]);
    expect(outcomes[1].revoked_at).toBe(outcomes[0].revoked_at);
    const again = await call(sim, "POST /keys/revoke", "/keys/revoke", { bearer: admin, body });
    expect((again.body as { results: { outcome: string; revoked_at: string | null }[] }).results[0]).toEqual({
      fingerprint: fp(reader),
      outcome: "already_revoked",
      revoked_at: outcomes[0].revoked_at,
    });
    expect((await call(sim, "GET /agents/me", "/agents/me", { bearer: reader })).status).toBe(401);
    for (const bad of [
      { fingerprints: [fp(live)] },
      { fingerprints: [fp(live)], reason: "bored" },
      { fingerprints: [fp(live)], reason: "leaked", evidence_url: "not a url" },
    ]) {
      expect(
        (await call(sim, "POST /keys/revoke", "/keys/revoke", { bearer: admin, body: bad })).status,
      ).toBe(422);
    }
    const lookOnly = randomKey();
    const withReadOnly = await startSimulator({
      port: 0,
      state: { keys: [{ key: lookOnly, scopes: ["keys:read"] }] },
    });
    try {
      expect(
        (
          await call(withReadOnly, "POST /keys/revoke", "/keys/revoke", {
            bearer: lookOnly,
            body: { fingerprints: [fp(live)], reason: "leaked" },
          })
        ).status,
      ).toBe(403);
    } finally {
      await withReadOnly.stop();
    }
    expect(
      (
        await call(sim, "POST /keys/revoke", "/keys/revoke", {
          body: { fingerprints: [fp(live)], reason: "leaked" },
        })
      ).status,
    ).toBe(401);
  });

  it("accepts reported credentials with 202 and revokes them wherever they live", async () => {
    const res = await call(sim, "POST /credentials/revoke", "/credentials/revoke", {
      body: { credentials: [foreign], evidence_url: "https://github.com/acme/app/pull/7" },
    });
    expect(res).toEqual({ status: 202, body: { accepted: 1 } });
    expect((await call(sim, "GET /agents/me", "/agents/me", { bearer: foreign })).status).toBe(401);
    for (const bad of [
      {},
      { credentials: [] },
      { credentials: ["moltbook_sk_short"] },
      { credentials: [foreign], evidence_url: "nope" },
    ]) {
      expect((await call(sim, "POST /credentials/revoke", "/credentials/revoke", { body: bad })).status).toBe(
        422,
      );
    }
  });

  it("pages GET /audit-logs oldest first within since/until and for one key", async () => {
    const all: { at: string; key_id: string }[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const { body } = await call(
        sim,
        "GET /audit-logs",
        `/audit-logs?since=${since}&key_id=key_live&limit=4${q}`,
        { bearer: admin },
      );
      const page = body as { entries: { at: string; key_id: string }[]; next_cursor: string | null };
      all.push(...page.entries);
      cursor = page.next_cursor;
    }
    expect(all.length).toBeGreaterThanOrEqual(15);
    expect(all.every((e) => e.key_id === "key_live")).toBe(true);
    expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort());
    const until = new Date(now - 20 * 3_600_000).toISOString();
    const early = await call(sim, "GET /audit-logs", `/audit-logs?since=${since}&until=${until}`, {
      bearer: admin,
    });
    expect((early.body as { entries: unknown[] }).entries).toHaveLength(10);
    for (const q of ["", "?since=yesterday", `?since=${since}&until=later`, `?since=${since}&limit=1001`]) {
      expect((await call(sim, "GET /audit-logs", `/audit-logs${q}`, { bearer: admin })).status).toBe(422);
    }
    expect(
      (await call(sim, "GET /audit-logs", `/audit-logs?since=${since}`, { bearer: reader })).status,
    ).toBe(401);
    expect((await call(sim, "GET /audit-logs", `/audit-logs?since=${since}`, { bearer: live })).status).toBe(
      200,
    );
    const noAudit = randomKey();
    const other = await startSimulator({
      port: 0,
      state: { keys: [{ key: noAudit, scopes: ["keys:read"] }] },
    });
    try {
      expect(
        (await call(other, "GET /audit-logs", `/audit-logs?since=${since}`, { bearer: noAudit })).status,
      ).toBe(403);
    } finally {
      await other.stop();
    }
  });

  it("answers 429 with Retry-After on every operation once over the limit", async () => {
    const calls: [string, string, { bearer?: string; body?: unknown }][] = [
      ["GET /agents/me", "/agents/me", { bearer: live }],
      ["GET /keys", "/keys", { bearer: admin }],
      ["GET /keys/{id}", "/keys/key_live", { bearer: admin }],
      ["POST /keys/lookup", "/keys/lookup", { bearer: admin, body: { fingerprints: [fp(live)] } }],
      [
        "POST /keys/revoke",
        "/keys/revoke",
        { bearer: admin, body: { fingerprints: [fp(live)], reason: "manual" } },
      ],
      ["POST /credentials/revoke", "/credentials/revoke", { body: { credentials: [randomKey()] } }],
      ["GET /audit-logs", `/audit-logs?since=${since}`, { bearer: admin }],
    ];
    await call(tight, "GET /keys", "/keys", { bearer: admin }); // spends the governance key's one call
    await call(tight, "GET /agents/me", "/agents/me", { bearer: live }); // and the live key's
    await call(tight, "POST /credentials/revoke", "/credentials/revoke", {
      body: { credentials: [randomKey()] },
    }); // and this IP's
    for (const [operation, path, init] of calls) {
      expect((await call(tight, operation, path, init)).status).toBe(429);
    }
  });

  it("gives conforming records and audit entries for a generated organisation", async () => {
    const seeded = await startSimulator({
      port: 0,
      seed: 7,
      keys: 60,
      rateLimit: { limit: 10_000, windowMs: 60_000 },
    });
    try {
      const bearer = seeded.handout.adminKey!;
      let cursor: string | null = "";
      const fingerprints: string[] = [];
      while (cursor !== null) {
        const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
        const page = (await call(seeded, "GET /keys", `/keys?limit=100${q}`, { bearer })).body as {
          keys: { fingerprint: string }[];
          next_cursor: string | null;
        };
        fingerprints.push(...page.keys.map((k) => k.fingerprint));
        cursor = page.next_cursor;
      }
      expect(fingerprints).toHaveLength(60);
      await call(seeded, "POST /keys/lookup", "/keys/lookup", { bearer, body: { fingerprints } });
      cursor = "";
      while (cursor !== null) {
        const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
        const since = new Date(now - 30 * day).toISOString();
        const page = (
          await call(seeded, "GET /audit-logs", `/audit-logs?since=${since}&limit=1000${q}`, { bearer })
        ).body as {
          next_cursor: string | null;
        };
        cursor = page.next_cursor;
      }
    } finally {
      await seeded.stop();
    }
  });

  it("covered every status of every operation, and every response conformed", () => {
    expect(problems).toEqual([]);
    expect(declaredResponses().filter((r) => !covered.has(r))).toEqual([]);
  });

  it("the client parses every example in the contract", () => {
    for (const { where, value } of contractExamples()) {
      const m = /^\/paths\/([^/]+)\/(get|post)\/responses\/(\d+)\//.exec(where);
      if (!m) continue;
      const parser =
        parsers[`${m[2].toUpperCase()} ${m[1].replaceAll("~1", "/")} ${m[3]}`] ?? schemas.errorBodySchema;
      expect(parser.safeParse(value).success, where).toBe(true);
    }
  });
});
