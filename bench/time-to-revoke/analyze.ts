// Per-event figures from what the servers saw: when the webhook was sent, which calls the app made
// for it, and the Moltbook call that revoked its key.
import { criticalPath, type Span } from "./critical-path.js";
import type { Delivery } from "./deliver-events.js";
import type { ServerSpan } from "./server-timings.js";

export interface EventFigures {
  delivery: Delivery;
  /** Webhook sent → Moltbook's revoke call answered. */
  totalMs: number;
  /** Injected latency on the critical path. */
  injectedMs: number;
  /** totalMs − injectedMs: everything but the injected latency. */
  overheadMs: number;
  /** totalMs − the servers' whole answer time on the critical path: the app's own time alone. */
  ownMs: number;
  /** The app's own time along the critical path: before the first call, between calls, before revoking. */
  gaps: { first: number; between: number; beforeRevoke: number };
  /** GitHub calls in sequence before the revocation (rounds). */
  rounds: number;
  chain: Span[];
  /** GitHub calls made for this event before the revoking call started. */
  beforeRevoke: Span[];
  /** GitHub calls made for this event in the whole run. */
  githubCalls: number;
}

export interface Injected {
  githubMs: number;
  moltbookMs: number;
}

const TOKEN_PATH = /^\/api\/v3\/app\/installations\/\d+\/access_tokens$/;

export function analyzeEvents(
  deliveries: Delivery[],
  github: ServerSpan[],
  moltbook: ServerSpan[],
  injected: Injected,
): EventFigures[] {
  const revokes = moltbook
    .filter((s) => s.method === "POST" && s.path === "/api/v1/keys/revoke")
    .map((s): Span => ({ ...s, server: "moltbook", injectedMs: injected.moltbookMs }));
  return deliveries.map((delivery) => {
    const { sentAt, doneAt, event } = delivery;
    const ours = (s: ServerSpan) =>
      s.path.startsWith(`/api/v3/repos/${event.owner}/`) ||
      (TOKEN_PATH.test(s.path) && s.start >= sentAt && s.start <= doneAt);
    const calls = github
      .filter(ours)
      .map((s): Span => ({ ...s, server: "github", injectedMs: injected.githubMs }));
    // With lanes in parallel several revoke calls overlap; the key's revoked_at picks its own.
    const last = revokes
      .filter((s) => s.start >= sentAt && s.end <= doneAt)
      .sort((a, b) => distance(a, delivery.revokedAt) - distance(b, delivery.revokedAt))[0];
    if (!last) {
      throw new Error(
        `No Moltbook revoke call for ${event.fullName} (bench). To resolve, check that the simulator holds its key and the app revokes in auto mode.`,
      );
    }
    const path = criticalPath(
      calls.filter((s) => s.start >= sentAt),
      last,
    );
    const totalMs = last.end - sentAt;
    return {
      delivery,
      totalMs,
      injectedMs: path.injectedMs,
      overheadMs: totalMs - path.injectedMs,
      ownMs: totalMs - path.serverMs,
      gaps: gapsOf(path.chain, sentAt),
      rounds: path.chain.filter((s) => s.server === "github").length,
      chain: path.chain,
      beforeRevoke: calls.filter((s) => s.start >= sentAt && s.start < last.start),
      githubCalls: calls.length,
    };
  });
}

function gapsOf(chain: Span[], sentAt: number): EventFigures["gaps"] {
  const last = chain[chain.length - 1];
  let between = 0;
  for (let i = 1; i < chain.length - 1; i++) between += chain[i].start - chain[i - 1].end;
  return {
    first: chain[0].start - sentAt,
    between,
    beforeRevoke: chain.length > 1 ? last.start - chain[chain.length - 2].end : 0,
  };
}

function distance(span: ServerSpan, at: number | null): number {
  if (at === null) return 0;
  return at < span.start ? span.start - at : at > span.end ? at - span.end : 0;
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A call as `METHOD /path` with the event's owner, repository and commit ids generalised. */
export function callLabel(span: ServerSpan, owner: string): string {
  const path = span.path
    .replace(/^\/api\/v[13]/, "")
    .replace(`/repos/${owner}/service`, "/repos/{owner}/{repo}")
    .replace(`/repos/${owner}/`, "/repos/{owner}/")
    .replace(/[0-9a-f]{40}/g, "{sha}");
  return `${span.method} ${path}`;
}
