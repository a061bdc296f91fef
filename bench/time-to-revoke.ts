// Time to revoke: how long from a leaking webhook to Moltbook accepting the revocation, and how
// much of it is ours. Not a test: it prints figures.
//
//   npm run bench:revoke
//   npx tsx bench/time-to-revoke.ts [--events 200] [--github-latency 100] [--moltbook-latency 50]
//                                   [--lanes 1] [--restart-every 80] [--throttle]
//
// Everything runs on 127.0.0.1: in this process the Moltbook simulator (one fresh live org key per
// event, made at run time, 50 ms added to each call) and the GitHub stand-in (100 ms added to each
// call); the real app in a process of its own, as `npm start` runs it. Events alternate pushes and pull requests, each in its own repository.
// Each lane sends one webhook and waits for the app to finish it before sending the next, so an
// event's figure is its own, not a queue's.
//
// Measured per event, from spans the servers record (Node's http diagnostics channels):
//   total     = webhook POST sent → the Moltbook revoke call's answer sent;
//   overhead  = total − the injected latency on the critical path, where the critical path is the
//               longest chain of calls the app made for the event, each starting after the previous
//               one had been answered, ending with the revoke call (see critical-path.ts);
//   app alone = total − the servers' whole answer time on that path (that time includes the
//               stand-in's own git work, which is not ours).
//
// Rate limits: the contract allows 100 Moltbook calls per 60 s. The simulator is told to allow far
// more, but the app's Moltbook client keeps the contract's budget and has no setting for it, so
// the bench starts a fresh app (same database) every --restart-every events; each fresh app gets two
// clean events first (a push and a pull request, not measured) so its installation token is cached.
// Probot's write throttling (1 s between writes per installation) only delays what comes after the
// revocation, and would make 200 events take many minutes; it is off unless --throttle.
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { analyzeEvents } from "./time-to-revoke/analyze.js";
import { startBenchWorld } from "./time-to-revoke/bench-world.js";
import { deliverEvents } from "./time-to-revoke/deliver-events.js";
import { prepareEvents } from "./time-to-revoke/leak-events.js";
import { printReport } from "./time-to-revoke/print-report.js";
import { performanceNow, recordServerTimings } from "./time-to-revoke/server-timings.js";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "200" },
    "github-latency": { type: "string", default: "100" },
    "moltbook-latency": { type: "string", default: "50" },
    lanes: { type: "string", default: "1" },
    "restart-every": { type: "string", default: "80" },
    throttle: { type: "boolean", default: false },
  },
});
const count = positive("events");
const githubMs = positive("github-latency", true);
const moltbookMs = positive("moltbook-latency", true);
const lanes = positive("lanes");
const restartEvery = positive("restart-every");
if (restartEvery > 90) fail("--restart-every must be at most 90: the app's Moltbook client allows 100 calls per 60 s");

const timings = recordServerTimings();
const started = performanceNow();
const world = await startBenchWorld({ keys: count, githubLatencyMs: githubMs, moltbookLatencyMs: moltbookMs, throttle: values.throttle });
try {
  const events = await prepareEvents(world.github, world.liveKeys, "team");
  const warmUps = await prepareEvents(world.github, new Array<null>(2 * Math.ceil(count / restartEvery)).fill(null), "warm");
  const pushes = events.filter((e) => e.kind === "push").length;
  console.log(`time-to-revoke: ${count} events (${pushes} pushes, ${count - pushes} pull requests), each leaking a fresh live org key`);
  console.log(`  injected latency: GitHub ${githubMs} ms per call, Moltbook ${moltbookMs} ms per call; lanes: ${lanes}; Probot write throttling: ${values.throttle ? "on" : "off"}`);
  console.log(`  rate limits: simulator allows 1,000,000 calls per 60 s; the app's client keeps 100 per 60 s (no setting),`);
  console.log(`  so a fresh app every ${restartEvery} events, warmed by 2 clean events (not measured)`);
  console.log(`  setup: ${((performanceNow() - started) / 1000).toFixed(1)} s; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);

  const deliveryStart = performanceNow();
  const deliveries = await deliverEvents(world, events, {
    concurrency: lanes,
    restartEvery,
    warmUps,
    onProgress: (done) => {
      if (done % 50 === 0 || done === count) console.log(`  delivered ${done}/${count}`);
    },
  });
  console.log(`  deliveries: ${((performanceNow() - deliveryStart) / 1000).toFixed(1)} s; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);

  const githubPort = Number(new URL(world.github.url).port);
  const injected = { githubMs, moltbookMs };
  const figures = analyzeEvents(deliveries, timings.spans(githubPort), timings.spans(world.moltbook.port), injected);
  const inWindow = timings
    .spans(world.moltbook.port)
    .filter((s) => deliveries.some((d) => s.start >= d.sentAt && s.start <= d.doneAt));
  printReport(figures, inWindow, 50);

  const written = world.github.textWritten();
  const leaked = world.liveKeys.filter((key) => written.includes(key)).length;
  console.log(`\nSecrets: ${leaked === 0 ? "no raw key" : `${leaked} raw keys (A BUG)`} in anything the app sent to GitHub.`);
} finally {
  await world.stop();
  timings.stop();
}

function positive(name: keyof typeof values, zeroOk = false): number {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < (zeroOk ? 0 : 1)) fail(`--${name} must be a whole number${zeroOk ? "" : " above 0"}`);
  return n;
}

function fail(message: string): never {
  console.error(`time-to-revoke: ${message} (arguments). To resolve, fix the argument and run again.`);
  process.exit(2);
}
