// The bench's figures, as text. Keys never appear: events are named by repository.
import { callLabel, percentile, type EventFigures } from "./analyze.js";
import type { ServerSpan } from "./server-timings.js";

const KINDS = [
  { name: "all", pick: () => true },
  { name: "push", pick: (f: EventFigures) => f.delivery.event.kind === "push" },
  { name: "pull request", pick: (f: EventFigures) => f.delivery.event.kind === "pull_request" },
];

export function printReport(
  figures: EventFigures[],
  moltbookCalls: ServerSpan[],
  targetOverheadMs: number,
): void {
  const row = (label: string, values: number[]) =>
    console.log(
      `  ${label.padEnd(14)}${[50, 99].map((p) => fmt(percentile(values, p))).join("")}${fmt(Math.max(...values))}${fmt(mean(values))}`,
    );
  const table = (title: string, value: (f: EventFigures) => number) => {
    console.log(
      `\n${title}\n  ${"".padEnd(14)}${["p50", "p99", "max", "mean"].map((h) => h.padStart(9)).join("")}   (ms)`,
    );
    for (const kind of KINDS) row(kind.name, figures.filter(kind.pick).map(value));
  };
  table("Webhook sent → Moltbook revoke call answered", (f) => f.totalMs);
  table("Minus the injected latency on the critical path (our overhead)", (f) => f.overheadMs);
  console.log("  which splits into (all events):");
  const parts: [string, (f: EventFigures) => number][] = [
    ["servers' work", (f) => f.overheadMs - f.ownMs],
    ["app alone", (f) => f.ownMs],
    ["  to 1st call", (f) => f.gaps.first],
    ["  between", (f) => f.gaps.between],
    ["  to revoke", (f) => f.gaps.beforeRevoke],
  ];
  for (const [label, value] of parts) row(label, figures.map(value));
  console.log(
    "  servers' work: the stand-in and simulator answering beyond the injected latency (git, JSON);",
  );
  console.log(
    "  app alone: webhook sent → 1st GitHub call, between calls in sequence, last answer → revoke call.",
  );

  console.log("\nGitHub calls in sequence before revoking (rounds on the critical path)");
  for (const kind of KINDS.slice(1)) {
    const counts = histogram(figures.filter(kind.pick).map((f) => f.rounds));
    console.log(
      `  ${kind.name.padEnd(14)}${counts.map(([r, n]) => `${r} round${r === 1 ? "" : "s"}: ${n} events`).join(", ")}`,
    );
  }
  console.log("\nGitHub calls per event (the installation token counted where it was fetched)");
  for (const kind of KINDS) {
    const picked = figures.filter(kind.pick);
    console.log(
      `  ${kind.name.padEnd(14)}${mean(picked.map((f) => f.beforeRevoke.length)).toFixed(2)} before revoking, ${mean(picked.map((f) => f.githubCalls)).toFixed(2)} in all`,
    );
  }
  console.log("\nMoltbook calls per event");
  const byOperation = histogram(moltbookCalls.map((s) => `${s.method} ${s.path.replace(/^\/api\/v1/, "")}`));
  console.log(
    `  ${(moltbookCalls.length / figures.length).toFixed(2)} (${byOperation.map(([op, n]) => `${op}: ${(n / figures.length).toFixed(2)}`).join(", ")})`,
  );

  for (const kind of KINDS.slice(1)) {
    const picked = figures.filter(kind.pick).sort((a, b) => a.totalMs - b.totalMs);
    if (picked.length > 0)
      printCriticalPath(`the median ${kind.name}`, picked[Math.floor(picked.length / 2)]);
  }

  const p99 = percentile(
    figures.map((f) => f.overheadMs),
    99,
  );
  const rounds = Math.max(...figures.map((f) => f.rounds));
  const moltbookPerEvent = moltbookCalls.length / figures.length;
  console.log("\nTargets");
  console.log(
    `  our overhead p99 ≤ ${targetOverheadMs} ms: ${verdict(p99 <= targetOverheadMs)} (${fmt(p99).trim()} ms)`,
  );
  console.log(`  one round of GitHub calls before revoking: ${verdict(rounds <= 1)} (up to ${rounds})`);
  console.log(
    `  one Moltbook call per org key: ${verdict(moltbookPerEvent <= 1.0001)} (${moltbookPerEvent.toFixed(2)})`,
  );
}

/**
 * Every call the event made before its key was revoked, numbered by round: a call is in round n
 * when the longest run of calls answered before it started is n − 1 long.
 */
function printCriticalPath(title: string, f: EventFigures): void {
  const { event, sentAt } = f.delivery;
  const last = f.chain[f.chain.length - 1];
  console.log(`\nCalls before revoking, ${title} (${event.fullName}, ${fmt(f.totalMs).trim()} ms)`);
  const rows = [...f.beforeRevoke, last].sort((a, b) => a.start - b.start);
  const round = new Map<(typeof rows)[number], number>();
  for (const span of rows) {
    const before = rows.filter((r) => r.end <= span.start).map((r) => round.get(r) ?? 0);
    round.set(span, 1 + Math.max(0, ...before));
  }
  for (const span of rows) {
    console.log(
      `  round ${round.get(span)}  +${(span.start - sentAt).toFixed(0).padStart(4)} → +${(span.end - sentAt).toFixed(0).padStart(4)} ms  ${callLabel(span, event.owner)} ${span.status}`,
    );
  }
}

function histogram<T>(values: T[]): [T, number][] {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const fmt = (ms: number) => ms.toFixed(1).padStart(9);
const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
