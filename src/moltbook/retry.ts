import { isMoltbookError, type MoltbookError } from "./errors.js";

export interface RetryOptions {
  /** Attempts after the first. */
  retries: number;
  baseMs: number;
  maxMs: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (info: { attempt: number; delayMs: number; error: MoltbookError }) => void;
}

/** Exponential backoff with jitter: half the step fixed, half random, so retries spread but still back off. */
export function backoffDelay(attempt: number, options: RetryOptions): number {
  const step = Math.min(options.maxMs, options.baseMs * 2 ** attempt);
  return step / 2 + (options.random ?? Math.random)() * (step / 2);
}

const sleepFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it succeeds, retrying only retryable Moltbook errors (network, 5xx, 429) and
 * waiting at least what `Retry-After` asked. Other errors, such as 4xx, are thrown at once.
 */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!isMoltbookError(error) || !error.retryable || n >= options.retries) throw error;
      const delayMs = Math.max(error.retryAfterMs ?? 0, backoffDelay(n, options));
      options.onRetry?.({ attempt: n + 1, delayMs, error });
      await (options.sleep ?? sleepFor)(delayMs);
    }
  }
}
