import { createRng, type Rng } from "./create-rng.js";

export type Latency =
  { fixedMs: number } | { minMs: number; maxMs: number } | { meanMs: number; sdMs: number };

export type FaultKind = "error" | "timeout" | "drop";

/**
 * Faults for tests and benchmarks. `timeout`: the request is processed but never answered (the
 * client must give up); `drop`: the connection is closed before processing; `error`: a 5xx before
 * processing. Rates are probabilities per call; `next` fails the next N calls; `outage` answers
 * every call in a time window with `status` (503 by default).
 */
export interface FaultOptions {
  latency?: Latency;
  errorRate?: number;
  errorStatus?: number;
  timeoutRate?: number;
  dropRate?: number;
  outage?: { afterMs?: number; durationMs: number; status?: number };
  next?: { kind: FaultKind; count: number; status?: number };
  /** Limit faults to these operations (`POST /keys/revoke`, ...); all when absent. */
  operations?: string[];
}

export interface FaultDecision {
  latencyMs: number;
  kind: FaultKind | null;
  status: number;
}

/** Holds the current faults and decides, per call, what goes wrong. Deterministic for a seed. */
export class FaultController {
  #options: FaultOptions = {};
  #outage: { from: number; to: number; status: number } | null = null;
  #remaining = 0;
  #rng: Rng;

  constructor(seed = 1, options: FaultOptions = {}) {
    this.#rng = createRng(seed ^ 0x5eed);
    this.set(options);
  }

  /** Replaces every fault. An outage's `afterMs` counts from now. */
  set(options: FaultOptions): void {
    this.#options = { ...options };
    const o = options.outage;
    this.#outage = o
      ? {
          from: Date.now() + (o.afterMs ?? 0),
          to: Date.now() + (o.afterMs ?? 0) + o.durationMs,
          status: o.status ?? 503,
        }
      : null;
    this.#remaining = options.next?.count ?? 0;
  }

  clear(): void {
    this.set({});
  }

  /** The faults in force, with the outage as absolute times. */
  describe(): FaultOptions & {
    outageWindow?: { from: string; to: string; status: number };
    nextRemaining: number;
  } {
    const window = this.#outage && {
      from: new Date(this.#outage.from).toISOString(),
      to: new Date(this.#outage.to).toISOString(),
      status: this.#outage.status,
    };
    return { ...this.#options, ...(window ? { outageWindow: window } : {}), nextRemaining: this.#remaining };
  }

  decide(operation: string, nowMs: number): FaultDecision {
    const o = this.#options;
    const latencyMs = o.latency ? this.#latency(o.latency) : 0;
    const none: FaultDecision = { latencyMs, kind: null, status: 0 };
    if (o.operations && !o.operations.includes(operation)) return none;
    if (this.#remaining > 0 && o.next) {
      this.#remaining--;
      return { latencyMs, kind: o.next.kind, status: o.next.status ?? 503 };
    }
    if (this.#outage && nowMs >= this.#outage.from && nowMs < this.#outage.to) {
      return { latencyMs, kind: "error", status: this.#outage.status };
    }
    if (o.dropRate && this.#rng.chance(o.dropRate)) return { latencyMs, kind: "drop", status: 0 };
    if (o.timeoutRate && this.#rng.chance(o.timeoutRate)) return { latencyMs, kind: "timeout", status: 0 };
    if (o.errorRate && this.#rng.chance(o.errorRate))
      return { latencyMs, kind: "error", status: o.errorStatus ?? 503 };
    return none;
  }

  #latency(l: Latency): number {
    if ("fixedMs" in l) return l.fixedMs;
    if ("minMs" in l) return l.minMs + this.#rng.next() * (l.maxMs - l.minMs);
    return Math.max(0, this.#rng.normal(l.meanMs, l.sdMs));
  }
}

/** Parses `--latency`: `50` (fixed), `20..200` (uniform), `50~10` (normal: mean~sd). */
export function parseLatency(text: string): Latency {
  const range = /^(\d+(?:\.\d+)?)\.\.(\d+(?:\.\d+)?)$/.exec(text);
  if (range) return { minMs: Number(range[1]), maxMs: Number(range[2]) };
  const normal = /^(\d+(?:\.\d+)?)~(\d+(?:\.\d+)?)$/.exec(text);
  if (normal) return { meanMs: Number(normal[1]), sdMs: Number(normal[2]) };
  if (/^\d+(?:\.\d+)?$/.test(text)) return { fixedMs: Number(text) };
  throw new Error(
    `Latency "${text}" is not understood (--latency). To resolve, write 50 (fixed ms), 20..200 (uniform) or 50~10 (mean~sd).`,
  );
}
