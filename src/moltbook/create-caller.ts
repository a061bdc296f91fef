import { errorFromResponse } from "./error-from-response.js";
import { silentLogger, type Logger } from "./logger.js";
import type { RateLimiter } from "./rate-limiter.js";
import { withRetry } from "./retry.js";
import { describeBase, sendRequest, type RawResponse, type RequestSpec } from "./send-request.js";

export interface CallerOptions {
  baseUrl: string;
  timeoutMs: number;
  retries: number;
  backoff: { baseMs: number; maxMs: number };
  limiter: RateLimiter;
  userAgent: string;
  /** Never to appear in a message: the admin key. */
  secrets: readonly string[];
  logger?: Logger;
}

export interface CallStats {
  /** HTTP attempts sent, retries included. */
  requests: number;
  retries: number;
  byOperation: Record<string, number>;
}

export interface Caller {
  /** Sends `spec` (through the limiter, with retries) and returns a response whose status is in `accept`. */
  call(spec: RequestSpec, accept: readonly number[]): Promise<RawResponse>;
  stats(): CallStats;
}

/** Every call goes the same way: limiter → one attempt with a timeout → typed error → maybe retry. */
export function createCaller(options: CallerOptions): Caller {
  const log = options.logger ?? silentLogger;
  const where = describeBase(options.baseUrl);
  const stats: CallStats = { requests: 0, retries: 0, byOperation: {} };
  const send = {
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    userAgent: options.userAgent,
    secrets: options.secrets,
  };

  return {
    call(spec, accept) {
      return withRetry(
        (attempt) =>
          options.limiter.schedule(async () => {
            const started = Date.now();
            stats.requests++;
            stats.byOperation[spec.operation] = (stats.byOperation[spec.operation] ?? 0) + 1;
            const res = await sendRequest(spec, send);
            log.debug(
              { operation: spec.operation, status: res.status, attempt, ms: Date.now() - started },
              "moltbook call",
            );
            if (accept.includes(res.status)) return res;
            throw errorFromResponse({ ...res, operation: spec.operation, where, secrets: options.secrets });
          }),
        {
          retries: options.retries,
          baseMs: options.backoff.baseMs,
          maxMs: options.backoff.maxMs,
          onRetry: ({ attempt, delayMs, error }) => {
            stats.retries++;
            log.warn(
              {
                operation: spec.operation,
                code: error.code,
                status: error.status,
                attempt,
                delayMs: Math.round(delayMs),
              },
              "moltbook call failed; retrying",
            );
          },
        },
      );
    },
    stats: () => ({ ...stats, byOperation: { ...stats.byOperation } }),
  };
}
