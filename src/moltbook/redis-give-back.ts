import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

// Lua, so the clock is Redis's (one clock for every instance) and each step is atomic.
const RECORD = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[1]), ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

const CLAIM = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local due = redis.call('ZCOUNT', KEYS[1], '-inf', now)
if due > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now) end
return due`;

export interface RedisGiveBackOptions {
  client: Redis;
  /** The sorted set of units waiting to be given back, shared by every instance. */
  key: string;
  /** A unit comes back this long after the call that took it finished. */
  delayMs: number;
  /** How long the ledger outlives its last entry; shorter than the limiter state's own expiry. */
  ttlMs: number;
  /** How often this instance looks for units that are due. */
  pollMs: number;
  /** Returns `count` units to the shared reservoir. */
  giveBack: (count: number) => Promise<unknown>;
  onError: (error: unknown) => void;
}

export interface RedisGiveBack {
  /** Notes, in Redis, that one unit is due back `delayMs` from now. */
  record(): Promise<void>;
  stop(): void;
}

/**
 * The clustered limiter's give-back ledger. Units are not returned by a timer in the process that
 * used them (it may exit or crash, and its units would be lost to every instance); each finished
 * call is written to a sorted set in Redis with the time it is due back, and any live instance
 * claims what is due and returns it to Bottleneck's shared reservoir.
 */
export function createRedisGiveBack(options: RedisGiveBackOptions): RedisGiveBack {
  let claiming = false;
  const poll = setInterval(() => {
    if (claiming) return;
    claiming = true;
    (options.client.eval(CLAIM, 1, options.key) as Promise<number>)
      .then((due) => (due > 0 ? options.giveBack(due) : undefined))
      .catch(options.onError)
      .finally(() => (claiming = false));
  }, options.pollMs);
  poll.unref();
  return {
    async record() {
      await options.client.eval(RECORD, 1, options.key, options.delayMs, randomUUID(), options.ttlMs);
    },
    stop() {
      clearInterval(poll);
    },
  };
}
