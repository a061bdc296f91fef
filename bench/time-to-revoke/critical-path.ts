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

interface Link {
  injected: number;
  previous: Span | null;
}

/**
 * Dynamic programming over spans sorted by start: a span can follow another only once that one has
 * finished (the app needed its answer). Of all such chains ending in `last`, the critical path is
 * the one with the most injected latency (the most calls in sequence: one slow call must not hide
 * two made one after the other), and among calls made together, the one answered last, which is
 * the answer the app waited for.
 */
export function criticalPath(spans: Span[], last: Span): CriticalPath {
  const candidates = spans.filter((s) => s !== last && s.end <= last.start).sort((a, b) => a.start - b.start);
  const all = [...candidates, last];
  const best = new Map<Span, Link>();
  for (const span of all) {
    let from: Link = { injected: 0, previous: null };
    for (const [candidate, entry] of best) {
      const better =
        entry.injected > from.injected ||
        (entry.injected === from.injected && candidate.end > (from.previous?.end ?? -Infinity));
      if (candidate.end <= span.start && better) from = { ...entry, previous: candidate };
    }
    best.set(span, {
      injected: from.injected + span.injectedMs,
      previous: from.previous,
    });
  }
  const chain: Span[] = [];
  for (let s: Span | null = last; s; s = best.get(s)!.previous) chain.unshift(s);
  return {
    chain,
    injectedMs: chain.reduce((sum, s) => sum + s.injectedMs, 0),
    serverMs: chain.reduce((sum, s) => sum + (s.end - s.start), 0),
  };
}
