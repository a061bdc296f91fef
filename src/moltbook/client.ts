import { fingerprint, SecretValue } from "../detect/index.js";
import { createBatcher } from "./batcher.js";
import { resolveOptions, type MoltbookClientOptions } from "./client-options.js";
import type { AgentMeResult, MoltbookClient, ReportResult, RevokeOptions } from "./client-types.js";
import { createCaller } from "./create-caller.js";
import { MoltbookError } from "./errors.js";
import { MAX_BATCH } from "./operations.js";
import { paginate } from "./paginate.js";
import { parseResponse } from "./parse-response.js";
import { createRateLimiter } from "./rate-limiter.js";
import {
  agentMeSchema,
  auditPageSchema,
  credentialsResponseSchema,
  keyRecordSchema,
  keysPageSchema,
  lookupResponseSchema,
  revokeResponseSchema,
} from "./schemas.js";
import { describeBase } from "./send-request.js";
import { createTtlCache } from "./ttl-cache.js";
import type { LookupResult, RevokeResult } from "./types.js";
import {
  assertEvidenceUrl,
  assertFingerprint,
  assertRevocableKey,
  assertRevokeOptions,
} from "./validate-input.js";

interface RevokeItem extends RevokeOptions {
  fingerprint: string;
}

interface ReportItem {
  secret: SecretValue;
  fingerprint: string;
  evidenceUrl?: string;
}

/** The Moltbook client: typed calls, batching, a shared rolling-window budget, timeouts and retries. */
export function createMoltbookClient(options: MoltbookClientOptions): MoltbookClient {
  const o = resolveOptions(options);
  const admin = typeof options.adminKey === "string" ? new SecretValue(options.adminKey) : options.adminKey;
  if (!admin.reveal()) {
    throw new MoltbookError(
      "unauthorized",
      "No governance key was given (MOLTBOOK_ADMIN_KEY). To resolve, set MOLTBOOK_ADMIN_KEY to the organisation's governance key.",
      { operation: "configuration", retryable: false },
    );
  }
  const adminFingerprint = fingerprint(admin.reveal());
  const where = describeBase(o.baseUrl);
  const limiter = createRateLimiter({
    ...o.rateLimit,
    id: o.limiterId ?? `moltbook-guard:${adminFingerprint.slice(7, 31)}`,
    redisUrl: o.redisUrl,
    attemptTimeoutMs: o.timeoutMs,
    maxConcurrent: o.maxConcurrent,
    logger: o.logger,
  });
  const caller = createCaller({ ...o, limiter, secrets: [admin.reveal()] });
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(promise: Promise<T>): Promise<T> => {
    inFlight.add(promise);
    const forget = (): boolean => inFlight.delete(promise);
    promise.then(forget, forget);
    return promise;
  };
  const bearer = (): string => admin.reveal();
  const agents = createTtlCache<AgentMeResult>(o.agentCacheMs, 10_000);

  const lookups = createBatcher<string, LookupResult>({
    windowMs: o.batchWindowMs,
    maxSize: MAX_BATCH,
    keyOf: (fp) => fp,
    run: async (fingerprints) => {
      const op = "POST /keys/lookup";
      const res = await caller.call(
        { operation: op, method: "POST", path: "/keys/lookup", body: { fingerprints }, bearer: bearer() },
        [200],
      );
      const { results } = parseResponse(lookupResponseSchema, res.body, op, where);
      return alignByFingerprint(fingerprints, results, op, where);
    },
  });

  const revocations = createBatcher<RevokeItem, RevokeResult>({
    windowMs: o.batchWindowMs,
    maxSize: MAX_BATCH,
    keyOf: (item) => item.fingerprint,
    groupOf: (item) => `${item.reason}\n${item.evidenceUrl ?? ""}`,
    run: async (items) => {
      const op = "POST /keys/revoke";
      const fingerprints = items.map((i) => i.fingerprint);
      const body = { fingerprints, reason: items[0].reason, evidence_url: items[0].evidenceUrl };
      const res = await caller.call(
        { operation: op, method: "POST", path: "/keys/revoke", body, bearer: bearer() },
        [200],
      );
      const { results } = parseResponse(revokeResponseSchema, res.body, op, where);
      // A key just revoked is no longer live, whatever agentMe said a moment ago.
      for (const r of results)
        if (r.outcome === "revoked" || r.outcome === "already_revoked") agents.delete(r.fingerprint);
      return alignByFingerprint(fingerprints, results, op, where);
    },
  });

  const reports = createBatcher<ReportItem, ReportResult>({
    windowMs: o.batchWindowMs,
    maxSize: MAX_BATCH,
    keyOf: (item) => item.fingerprint,
    groupOf: (item) => item.evidenceUrl ?? "",
    run: async (items) => {
      const op = "POST /credentials/revoke";
      // The one place a raw key goes into a request body, by the detector's explicit reveal.
      const body = { credentials: items.map((i) => i.secret.reveal()), evidence_url: items[0].evidenceUrl };
      const res = await caller.call(
        { operation: op, method: "POST", path: "/credentials/revoke", body, bearer: null },
        [202],
      );
      const { accepted } = parseResponse(credentialsResponseSchema, res.body, op, where);
      for (const item of items) agents.delete(item.fingerprint);
      return items.map(() => ({ reported: true as const, accepted, submitted: items.length }));
    },
  });

  const client: MoltbookClient = {
    adminFingerprint,
    lookup(fp) {
      assertFingerprint(fp, "POST /keys/lookup");
      return track(lookups.add(fp));
    },
    lookupMany(fps) {
      return Promise.all(fps.map((fp) => client.lookup(fp)));
    },
    revoke(fp, { reason, evidenceUrl }) {
      assertFingerprint(fp, "POST /keys/revoke");
      assertRevokeOptions(reason, evidenceUrl, "POST /keys/revoke");
      return track(revocations.add({ fingerprint: fp, reason, evidenceUrl }));
    },
    revokeMany(fps, options) {
      return Promise.all(fps.map((fp) => client.revoke(fp, options)));
    },
    reportCredential(secret, evidenceUrl) {
      const raw = secret.reveal();
      assertRevocableKey(raw, "POST /credentials/revoke");
      assertEvidenceUrl(evidenceUrl, "POST /credentials/revoke");
      return track(reports.add({ secret, fingerprint: fingerprint(raw), evidenceUrl }));
    },
    keys({ status, pageSize = 100 } = {}) {
      const op = "GET /keys";
      return paginate(async (cursor) => {
        const query = { limit: pageSize, status, cursor };
        const res = await track(
          caller.call({ operation: op, method: "GET", path: "/keys", query, bearer: bearer() }, [200]),
        );
        const page = parseResponse(keysPageSchema, res.body, op, where);
        return { items: page.keys, next: page.next_cursor };
      });
    },
    async key(id) {
      const op = "GET /keys/{id}";
      const path = `/keys/${encodeURIComponent(id)}`;
      const res = await track(
        caller.call({ operation: op, method: "GET", path, bearer: bearer() }, [200, 404]),
      );
      return res.status === 404 ? null : parseResponse(keyRecordSchema, res.body, op, where);
    },
    auditLogs({ keyId, since, until, pageSize = 1000 }) {
      const op = "GET /audit-logs";
      const iso = (d: Date | string | undefined): string | undefined =>
        d === undefined ? undefined : typeof d === "string" ? d : d.toISOString();
      return paginate(async (cursor) => {
        const query = { key_id: keyId, since: iso(since), until: iso(until), cursor, limit: pageSize };
        const res = await track(
          caller.call({ operation: op, method: "GET", path: "/audit-logs", query, bearer: bearer() }, [200]),
        );
        const page = parseResponse(auditPageSchema, res.body, op, where);
        return { items: page.entries, next: page.next_cursor };
      });
    },
    agentMe(secret) {
      const raw = secret.reveal();
      return agents.get(fingerprint(raw), async () => {
        const op = "GET /agents/me";
        // The key under test is the bearer here: that is what asks Moltbook whether it is live.
        const res = await track(
          caller.call({ operation: op, method: "GET", path: "/agents/me", bearer: raw }, [200, 401]),
        );
        if (res.status === 401) return { live: false };
        return { live: true, agent: parseResponse(agentMeSchema, res.body, op, where).agent };
      });
    },
    stats: () => caller.stats(),
    async close() {
      lookups.flush();
      revocations.flush();
      reports.flush();
      await Promise.allSettled([...inFlight]);
      await limiter.close();
    },
  };
  return client;
}

function alignByFingerprint<T extends { fingerprint: string }>(
  fingerprints: string[],
  results: T[],
  operation: "POST /keys/lookup" | "POST /keys/revoke",
  where: string,
): T[] {
  const byFingerprint = new Map(results.map((r) => [r.fingerprint, r]));
  return fingerprints.map((fp) => {
    const result = byFingerprint.get(fp);
    if (result) return result;
    throw new MoltbookError(
      "invalid",
      `Moltbook's answer left out a fingerprint it was asked about (${operation} at ${where}). To resolve, check that MOLTBOOK_API_URL serves the contract in docs/moltbook-api.md.`,
      { operation, retryable: false },
    );
  });
}
