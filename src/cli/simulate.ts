import { Command, InvalidArgumentError } from "commander";
import {
  parseLatency,
  startSimulator,
  type FaultOptions,
  type Latency,
  type RunningSimulator,
} from "../moltbook/simulator/index.js";

interface SimulateFlags {
  port: number;
  seed: number;
  keys: number;
  state?: string;
  adminKey?: string;
  adminScopes?: string[];
  now?: number;
  rateLimit: number;
  rateWindow: number;
  latency?: Latency;
  errorRate?: number;
  errorStatus?: number;
  outage?: { afterMs: number; durationMs: number };
  timeoutRate?: number;
  dropRate?: number;
  control?: boolean;
  auditDays: number;
}

/** `moltbook-guard simulate`: a Moltbook-compatible API on 127.0.0.1 for demos, tests and benchmarks. */
export function simulateCommand(): Command {
  return new Command("simulate")
    .description("Serve a simulated Moltbook API (the contract in docs/moltbook-api.md) on 127.0.0.1.")
    .option("--port <port>", "port to listen on (0 picks one)", integer(0, 65535), 4010)
    .option(
      "--seed <n>",
      "seed of the generated organisation and of random faults",
      integer(0, 2 ** 32 - 1),
      1,
    )
    .option("--keys <n>", "keys in the generated inventory", integer(1, 100_000), 40)
    .option(
      "--state <file>",
      "load an exact state (JSON, see docs/moltbook-api.md) instead of generating one",
    )
    .option("--admin-key <key>", "fix the governance key (added with the management scopes if absent)")
    .option(
      "--admin-scopes <list>",
      "comma-separated scopes of the governance key the simulator creates",
      list,
    )
    .option(
      "--now <iso>",
      "start the simulator's clock at this time (key ages, expiry, audit logs)",
      dateTime,
    )
    .option("--rate-limit <n>", "requests per window per key", integer(1, 1_000_000), 100)
    .option("--rate-window <seconds>", "the rolling rate-limit window", number(0.001, 86_400), 60)
    .option("--latency <spec>", "added latency: 50 (ms), 20..200 (uniform) or 50~10 (normal)", latency)
    .option("--error-rate <p>", "share of calls answered with --error-status", number(0, 1))
    .option("--error-status <code>", "status for injected errors (5xx)", integer(500, 599))
    .option(
      "--outage <start+duration>",
      "answer 503 from START to START+DURATION seconds after start, e.g. 30+10",
      outage,
    )
    .option("--timeout-rate <p>", "share of calls processed but never answered", number(0, 1))
    .option("--drop-rate <p>", "share of connections closed without an answer", number(0, 1))
    .option("--control", "serve the control endpoint under /_control (faults, recorded calls, state, clock)")
    .option("--audit-days <n>", "days of generated audit history", integer(0, 365), 14)
    .action(async (flags: SimulateFlags) => {
      const sim = await startSimulator({
        port: flags.port,
        seed: flags.seed,
        keys: flags.keys,
        state: flags.state,
        adminKey: flags.adminKey,
        adminScopes: flags.adminScopes,
        now: flags.now === undefined ? undefined : clockFrom(flags.now),
        rateLimit: { limit: flags.rateLimit, windowMs: Math.round(flags.rateWindow * 1000) },
        faults: faultsFrom(flags),
        control: flags.control ?? false,
        auditDays: flags.auditDays,
      });
      printBanner(sim, flags);
      const stop = (): void => {
        void sim.stop().then(() => process.exit(0));
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}

function printBanner(sim: RunningSimulator, flags: SimulateFlags): void {
  const { handout, state } = sim;
  const counts = { active: 0, expired: 0, revoked: 0 };
  for (const key of state.keys) counts[state.status(key)]++;
  // Printed once, on purpose: these are the simulator's own made-up keys, needed to use it.
  console.log(`Moltbook simulator listening on ${sim.url}`);
  console.log("");
  console.log(`  MOLTBOOK_API_URL=${sim.url}`);
  if (handout.adminKey) console.log(`  MOLTBOOK_ADMIN_KEY=${handout.adminKey}`);
  else
    console.log(
      "  (the state file gives the governance key by fingerprint only; pass --admin-key to fix one)",
    );
  if (handout.liveKeys.length > 0) {
    console.log("");
    console.log("Live keys of the organisation (revocable by fingerprint):");
    for (const k of handout.liveKeys) console.log(`  ${k.key}  ${k.id}  ${k.name}  [${k.scopes.join(" ")}]`);
  }
  if (handout.foreignKeys.length > 0) {
    console.log("");
    console.log("Live keys of other organisations (revocable through /credentials/revoke):");
    for (const key of handout.foreignKeys) console.log(`  ${key}`);
  }
  console.log("");
  console.log(
    `${state.keys.length} keys (${counts.active} active, ${counts.expired} expired, ${counts.revoked} revoked), ` +
      `${state.audit.length} audit entries; rate limit ${flags.rateLimit} per ${flags.rateWindow} s; ` +
      `control endpoint ${flags.control ? `on at http://127.0.0.1:${sim.port}/_control/` : "off"}. Ctrl-C stops.`,
  );
}

function faultsFrom(flags: SimulateFlags): FaultOptions {
  const faults: FaultOptions = {};
  if (flags.latency !== undefined) faults.latency = flags.latency;
  if (flags.errorRate !== undefined) faults.errorRate = flags.errorRate;
  if (flags.errorStatus !== undefined) faults.errorStatus = flags.errorStatus;
  if (flags.timeoutRate !== undefined) faults.timeoutRate = flags.timeoutRate;
  if (flags.dropRate !== undefined) faults.dropRate = flags.dropRate;
  if (flags.outage !== undefined) faults.outage = flags.outage;
  return faults;
}

/** The clock starts at `at` and runs at real speed. */
function clockFrom(at: number): () => Date {
  const started = Date.now();
  return () => new Date(at + (Date.now() - started));
}

function dateTime(value: string): number {
  const at = Date.parse(value);
  if (Number.isNaN(at))
    throw new InvalidArgumentError(
      `"${value}" is not a date-time. To resolve, write e.g. 2025-06-01T12:00:00Z.`,
    );
  return at;
}

function latency(value: string): Latency {
  try {
    return parseLatency(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function outage(value: string): { afterMs: number; durationMs: number } {
  const m = /^(\d+(?:\.\d+)?)\+(\d+(?:\.\d+)?)$/.exec(value);
  if (!m)
    throw new InvalidArgumentError(
      `"${value}" is not START+DURATION. To resolve, write seconds, e.g. 30+10.`,
    );
  return { afterMs: Number(m[1]) * 1000, durationMs: Number(m[2]) * 1000 };
}

function integer(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`expected an integer from ${min} to ${max}.`);
    return n;
  };
}

function number(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max)
      throw new InvalidArgumentError(`expected a number from ${min} to ${max}.`);
    return n;
  };
}

function list(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}
