import type { MoltbookClientOptions } from "./moltbook/index.js";

/**
 * Optional knobs for a Moltbook-compatible endpoint whose limits differ from the contract's:
 * MOLTBOOK_RATE_LIMIT_PER_MINUTE, MOLTBOOK_TIMEOUT_MS, MOLTBOOK_RETRIES.
 */
export function moltbookTuningFromEnv(env: NodeJS.ProcessEnv): Partial<MoltbookClientOptions> {
  const tuning: Partial<MoltbookClientOptions> = {};
  const perMinute = whole(env, "MOLTBOOK_RATE_LIMIT_PER_MINUTE", 1);
  if (perMinute !== undefined) tuning.rateLimit = { limit: perMinute, windowMs: 60_000 };
  const timeout = whole(env, "MOLTBOOK_TIMEOUT_MS", 100);
  if (timeout !== undefined) tuning.timeoutMs = timeout;
  const retries = whole(env, "MOLTBOOK_RETRIES", 0);
  if (retries !== undefined) tuning.retries = retries;
  return tuning;
}

function whole(env: NodeJS.ProcessEnv, name: string, min: number): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(
      `${name} is "${raw}", not a whole number of at least ${min} (environment). To resolve, fix or unset it.`,
    );
  }
  return value;
}
