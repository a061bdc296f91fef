import Bottleneck from "bottleneck";
import { Redis } from "ioredis";
import { MoltbookError } from "./errors.js";
import { silentLogger, type Logger } from "./logger.js";
import { createRedisGiveBack } from "./redis-give-back.js";

export interface RateLimiterOptions {
  /** Calls allowed in any rolling window. */
  limit: number;
  windowMs: number;
  /** Limiters with the same id and Redis share one budget. */
  id: string;
  /** When set, the budget lives in Redis and every process using the same id shares it. */
  redisUrl?: string;
  /** The longest one attempt can run (its timeout); bounds how long Redis must keep state. */
  attemptTimeoutMs: number;
  maxConcurrent?: number;
  logger?: Logger;
}

export interface RateLimiter {
  schedule<T>(fn: () => Promise<T>): Promise<T>;
  readonly clustered: boolean;
  close(): Promise<void>;
}

/**
 * A rolling-window limiter on Bottleneck. A fixed reservoir refresh would let 2 × limit calls through
 * around a refresh, so instead each call takes one unit of the reservoir and the unit comes back
 * `windowMs` (plus a small margin) after the call finished: a call can only start while fewer than
 * `limit` calls finished within the last window or are still running, and the server sees each call
 * arrive before it finishes, so no rolling window at the server holds more than `limit`.
 * In process, a timer gives each unit back. With Redis, the reservoir is Bottleneck's shared one and
 * the units due back are kept in Redis too (see redis-give-back.ts), so instances share one budget
 * and units survive an instance that exits or crashes.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const log = options.logger ?? silentLogger;
  const delayMs = options.windowMs + Math.min(1000, Math.ceil(options.windowMs * 0.01));
  const settings = { id: options.id, reservoir: options.limit, maxConcurrent: options.maxConcurrent ?? 10 };
  const warn = (what: string) => (error: unknown) => log.warn({ err: describe(error) }, what);
  let limiter: Bottleneck;
  let giveBack: () => void;
  let shutdown: () => Promise<void>;
  let untilReady = (): Promise<unknown> => Promise.resolve();

  if (options.redisUrl) {
    const client = new Redis(options.redisUrl, { maxRetriesPerRequest: 3 });
    const connection = new Bottleneck.IORedisConnection({ client });
    // Bottleneck forgets the shared state after this much quiet; the ledger's entries expire sooner
    // (see ttlMs), so a fresh reservoir never meets stale give-backs.
    const stateTtlMs = options.windowMs + options.attemptTimeoutMs + 10_000;
    limiter = new Bottleneck({ ...settings, datastore: "ioredis", connection, timeout: stateTtlMs });
    const ledger = createRedisGiveBack({
      client,
      key: `moltbook-guard:give-back:${options.id}`,
      delayMs,
      ttlMs: options.windowMs + 5_000,
      pollMs: Math.min(1000, Math.max(50, Math.round(options.windowMs / 20))),
      giveBack: (count) => limiter.incrementReservoir(count),
      onError: warn("Moltbook rate limiter could not return units"),
    });
    giveBack = () => void ledger.record().catch(warn("Moltbook rate limiter could not record a unit"));
    // Bottleneck waits for Redis without end; a call should fail clearly instead.
    const ready = limiter.ready();
    ready.catch(() => undefined);
    untilReady = () => within(ready, Math.max(options.attemptTimeoutMs, 5_000), "Redis did not answer");
    shutdown = async () => {
      ledger.stop();
      await within(limiter.stop({ dropWaitingJobs: true }), 2_000, "stop").catch(() => undefined);
      await connection.disconnect(false);
    };
  } else {
    limiter = new Bottleneck(settings);
    const pending = new Set<NodeJS.Timeout>();
    giveBack = () => {
      const timer = setTimeout(() => {
        pending.delete(timer);
        limiter.incrementReservoir(1).catch(warn("Moltbook rate limiter could not return a unit"));
      }, delayMs);
      timer.unref();
      pending.add(timer);
    };
    shutdown = async () => {
      for (const timer of pending) clearTimeout(timer);
      await limiter.stop({ dropWaitingJobs: true }).catch(() => undefined);
    };
  }
  limiter.on("error", warn("Moltbook rate limiter error"));
  const clustered = options.redisUrl !== undefined;

  return {
    clustered,
    async schedule<T>(fn: () => Promise<T>): Promise<T> {
      let started = false;
      try {
        await untilReady();
        return await limiter.schedule({ expiration: options.attemptTimeoutMs + 5_000 }, async () => {
          started = true;
          try {
            return await fn();
          } finally {
            giveBack();
          }
        });
      } catch (error) {
        if (started || error instanceof MoltbookError) throw error;
        throw new MoltbookError(
          "unavailable",
          `The Moltbook rate limiter failed (${clustered ? "Redis at REDIS_URL" : "in process"}: ${describe(error)}). To resolve, check that REDIS_URL points at a reachable Redis, or unset it to limit in-process.`,
          { operation: "rate limiter", retryable: true, cause: error },
        );
      }
    },
    close: () => shutdown(),
  };
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // Redis URLs may carry a password; errors from ioredis can echo the URL.
  return text.replace(/redis(s)?:\/\/[^@\s]*@/gi, "redis$1://[redacted]@");
}
