// Time to revoke: how long from a leaking webhook to Moltbook accepting the revocation, and how
// much of it is ours. Not a test: it prints figures.
//
//   npm run bench:revoke
//   npx tsx bench/time-to-revoke.ts [--events 200] [--github-latency 100] [--moltbook-latency 50]
//                                   [--lanes 1] [--throttle]
//
// Everything runs on 127.0.0.1: in this process the Moltbook simulator (one fresh live org key per
// event, made at run time, 50 ms added to each call) and the GitHub stand-in (100 ms added to each
// call); the real app in a process of its own, as `npm start` runs it. Events alternate pushes and
// pull requests, each in its own repository. Each lane sends one webhook and waits for the app to
// finish it before sending the next, so an event's figure is its own, not a queue's. Two clean
// events go first, unmeasured, so the installation token is cached as it would be in production.
//
// Measured per event, from spans the servers record (Node's http diagnostics channels):
//   total     = webhook POST sent → the Moltbook revoke call's answer sent;
//   overhead  = total − the injected latency on the critical path, where the critical path is the
//               longest chain of calls the app made for the event, each starting after the previous
//               one had been answered, ending with the revoke call (see critical-path.ts);
//   app alone = total − the servers' whole answer time on that path (that time includes the
//               stand-in's own git work, which is not ours).
//
// Rate limits: the contract allows 100 Moltbook calls per 60 s, which would throttle 200 events, so
// both the simulator (`rateLimit`) and the app's client (MOLTBOOK_RATE_LIMIT_PER_MINUTE) are told to
// allow far more. Probot's write throttling (1 s between writes per installation) only delays what
// comes after the revocation and would make 200 events take many minutes; it is off unless
// --throttle.
import { readFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { analyzeEvents } from "./time-to-revoke/analyze.js";
import { RATE_LIMIT_PER_MINUTE, startBenchWorld } from "./time-to-revoke/bench-world.js";
import { deliverEvents } from "./time-to-revoke/deliver-events.js";
import { prepareEvents } from "./time-to-revoke/leak-events.js";
import { printReport } from "./time-to-revoke/print-report.js";
import { performanceNow, recordServerTimings } from "./time-to-revoke/server-timings.js";

const TARGET_OVERHEAD_MS = 50;

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "200" },
    "github-latency": { type: "string", default: "100" },
    "moltbook-latency": { type: "string", default: "50" },
    lanes: { type: "string", default: "1" },
    throttle: { type: "boolean", default: false },
  },
});
const count = whole("events", 1);
const githubMs = whole("github-latency", 0);
const moltbookMs = whole("moltbook-latency", 0);
const lanes = whole("lanes", 1);

const timings = recordServerTimings();
const started = performanceNow();
const world = await startBenchWorld({
  keys: count,
  githubLatencyMs: githubMs,
  moltbookLatencyMs: moltbookMs,
  throttle: values.throttle,
});
try {
  const events = await prepareEvents(world.github, world.liveKeys, "team");
  const warmUps = await prepareEvents(world.github, [null, null], "warm");
  const pushes = events.filter((e) => e.kind === "push").length;
  console.log(
    `time-to-revoke: ${count} events (${pushes} pushes, ${count - pushes} pull requests), each leaking a fresh live org key`,
  );
  console.log(`  injected latency: GitHub ${githubMs} ms per call, Moltbook ${moltbookMs} ms per call`);
  console.log(
    `  lanes: ${lanes}; Probot write throttling: ${values.throttle ? "on" : "off"}; app: its own process`,
  );
  console.log(
    `  rate limits raised so they never throttle: simulator and MOLTBOOK_RATE_LIMIT_PER_MINUTE = ${RATE_LIMIT_PER_MINUTE}`,
  );
  console.log(`  setup: ${seconds(started)}; load average ${load()}`);

  const deliveryStart = performanceNow();
  const deliveries = await deliverEvents(world, events, {
    concurrency: lanes,
    warmUps,
    onProgress: (done) => {
      if (done % 50 === 0 || done === count) console.log(`  delivered ${done}/${count}`);
    },
  });
  console.log(`  deliveries: ${seconds(deliveryStart)}; load average ${load()}`);

  const moltbookSpans = timings.spans(world.moltbook.port);
  const figures = analyzeEvents(
    deliveries,
    timings.spans(Number(new URL(world.github.url).port)),
    moltbookSpans,
    {
      githubMs,
      moltbookMs,
    },
  );
  const duringEvents = moltbookSpans.filter((s) =>
    deliveries.some((d) => s.start >= d.sentAt && s.start <= d.doneAt),
  );
  printReport(figures, duringEvents, TARGET_OVERHEAD_MS);

  const written = world.github.textWritten();
  const log = await readFile(world.app.logFile, "utf8");
  const leaked = world.liveKeys.filter((key) => written.includes(key) || log.includes(key)).length;
  console.log(
    `\nSecrets: ${leaked === 0 ? "no raw key" : `${leaked} raw keys (A BUG)`} in what the app sent to GitHub or logged.`,
  );
} finally {
  await world.stop();
  timings.stop();
}

function whole(name: keyof typeof values, min: number): number {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < min) {
    console.error(
      `time-to-revoke: --${name} is "${String(values[name])}" (arguments). To resolve, pass a whole number of at least ${min}.`,
    );
    process.exit(2);
  }
  return n;
}

function seconds(since: number): string {
  return `${((performanceNow() - since) / 1000).toFixed(1)} s`;
}

function load(): string {
  return loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
}
