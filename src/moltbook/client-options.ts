import { MoltbookError } from "./errors.js";
import type { Logger } from "./logger.js";
import { SecretValue } from "../detect/index.js";

export const DEFAULT_BASE_URL = "https://www.moltbook.com/api/v1";

export interface MoltbookClientOptions {
  /** Base URL including `/api/v1` (MOLTBOOK_API_URL). */
  baseUrl?: string;
  /** The organisation governance key (MOLTBOOK_ADMIN_KEY). */
  adminKey: string | SecretValue;
  /** Per attempt. Default 10 s. */
  timeoutMs?: number;
  /** Attempts after the first, on network errors, 5xx and 429. Default 5. */
  retries?: number;
  /** Backoff between retries: first step and ceiling. Default 500 ms, 30 s. */
  backoff?: { baseMs?: number; maxMs?: number };
  /** The contract's budget: 100 calls per rolling 60 s per key. */
  rateLimit?: { limit: number; windowMs: number };
  /** Share the budget with every instance using the same governance key through Redis. */
  redisUrl?: string;
  /** Overrides the limiter id derived from the governance key's fingerprint. */
  limiterId?: string;
  /** How long a lookup/revoke/report waits for others to share its call. Default 5 ms. */
  batchWindowMs?: number;
  /** How long an `agentMe` answer is reused. Default 60 s. */
  agentCacheMs?: number;
  /** Concurrent calls in flight. Default 10. */
  maxConcurrent?: number;
  logger?: Logger;
  userAgent?: string;
}

export type ResolvedOptions = Required<
  Omit<MoltbookClientOptions, "adminKey" | "redisUrl" | "limiterId" | "logger">
> &
  Pick<MoltbookClientOptions, "redisUrl" | "limiterId" | "logger"> & {
    backoff: { baseMs: number; maxMs: number };
  };

export function resolveOptions(options: MoltbookClientOptions): ResolvedOptions {
  return {
    baseUrl: options.baseUrl || DEFAULT_BASE_URL,
    timeoutMs: options.timeoutMs ?? 10_000,
    retries: options.retries ?? 5,
    backoff: { baseMs: options.backoff?.baseMs ?? 500, maxMs: options.backoff?.maxMs ?? 30_000 },
    rateLimit: options.rateLimit ?? { limit: 100, windowMs: 60_000 },
    redisUrl: options.redisUrl || undefined,
    limiterId: options.limiterId,
    batchWindowMs: options.batchWindowMs ?? 5,
    agentCacheMs: options.agentCacheMs ?? 60_000,
    maxConcurrent: options.maxConcurrent ?? 10,
    logger: options.logger,
    userAgent: options.userAgent ?? "moltbook-guard/0.1",
  };
}

/** Client options from the environment: MOLTBOOK_API_URL, MOLTBOOK_ADMIN_KEY, REDIS_URL. */
export function moltbookClientOptionsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  extra: Partial<MoltbookClientOptions> = {},
): MoltbookClientOptions {
  const adminKey = env.MOLTBOOK_ADMIN_KEY?.trim();
  if (!adminKey) {
    throw new MoltbookError(
      "unauthorized",
      "MOLTBOOK_ADMIN_KEY is not set (environment). To resolve, set it to the organisation's governance key with keys:read, keys:revoke and audit:read.",
      { operation: "configuration", retryable: false },
    );
  }
  return {
    baseUrl: env.MOLTBOOK_API_URL?.trim() || DEFAULT_BASE_URL,
    // Held as a SecretValue from here on, so logging the options cannot print it.
    adminKey: new SecretValue(adminKey),
    redisUrl: env.REDIS_URL?.trim() || undefined,
    ...extra,
  };
}
