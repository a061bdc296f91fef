// Where one event's time to revoke went: the longest chain of server calls, each starting after
// the previous one finished, that ends with the Moltbook call which revoked the key.
import type { ServerSpan } from "./server-timings.js";

export interface Span extends ServerSpan {
  server: "github" | "moltbook";
  /** Latency the bench injected into this call. */
  injectedMs: number;
}

export interface CriticalPath {
  /** Oldest first; the last span is the revoking call. */
  chain: Span[];
  /** Injected latency along the chain. */
  injectedMs: number;
  /** Time the servers spent answering along the chain (injected latency plus their own work). */
  serverMs: number;
}

/**
 * Dynamic programming over spans sorted by start: a span can follow another only once that one has
 * finished (the app needed its answer). Of all such chains ending in `last`, the one with the most
 * server time is the critical path; with a fixed injected latency per call, that is also the one
 * with the most calls in sequence.
 */
export function criticalPath(spans: Span[], last: Span): CriticalPath {
  const candidates = spans.filter((s) => s !== last && s.end <= last.start).sort((a, b) => a.start - b.start);
  const all = [...candidates, last];
  const best = new Map<Span, { weight: number; previous: Span | null }>();
  for (const span of all) {
    let previous: Span | null = null;
    let weight = 0;
    for (const [candidate, entry] of best) {
      if (candidate.end <= span.start && entry.weight > weight) {
        weight = entry.weight;
        previous = candidate;
      }
    }
    best.set(span, { weight: weight + (span.end - span.start), previous });
  }
  const chain: Span[] = [];
  for (let s: Span | null = last; s; s = best.get(s)!.previous) chain.unshift(s);
  return {
    chain,
    injectedMs: chain.reduce((sum, s) => sum + s.injectedMs, 0),
    serverMs: chain.reduce((sum, s) => sum + (s.end - s.start), 0),
  };
}
