export interface WindowVerdict {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Unix seconds when the oldest call in the window leaves it. */
  reset: number;
  /** Whole seconds to wait when not allowed. */
  retryAfter: number;
}

/** The contract's rate limit: at most `limit` calls per bucket in any rolling `windowMs`. */
export class RollingWindow {
  readonly #hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Counts a call at `nowMs` if it fits; rejected calls do not count. */
  hit(bucket: string, nowMs: number): WindowVerdict {
    const hits = (this.#hits.get(bucket) ?? []).filter((t) => t > nowMs - this.windowMs);
    const allowed = hits.length < this.limit;
    if (allowed) hits.push(nowMs);
    this.#hits.set(bucket, hits);
    const oldest = hits[0] ?? nowMs;
    const freeAt = oldest + this.windowMs;
    return {
      allowed,
      limit: this.limit,
      remaining: Math.max(0, this.limit - hits.length),
      reset: Math.ceil(freeAt / 1000),
      retryAfter: Math.max(1, Math.ceil((freeAt - nowMs) / 1000)),
    };
  }
}
