// Benchmark (not a test): revoke N leaked keys through the Moltbook client against the simulator,
// with 50 ms of injected latency per call. Prints calls made, wall time and keys/s.
//
//   npm run build && node bench/moltbook-revoke.mjs [N ...]     (default: 100 1000 10000)
import { randomBytes } from "node:crypto";
import { fingerprint } from "../dist/src/detect/index.js";
import { createMoltbookClient } from "../dist/src/moltbook/index.js";
import { startSimulator } from "../dist/src/moltbook/simulator/index.js";

const LATENCY_MS = 50;
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const key = () => "moltbook_sk_" + randomBytes(24).toString("base64url");

async function run(n) {
  const admin = key();
  const leaked = Array.from({ length: n }, key);
  const sim = await startSimulator({
    port: 0,
    adminKey: admin,
    state: { keys: leaked.map((k, i) => ({ key: k, name: `leaked ${i}` })) },
    faults: { latency: { fixedMs: LATENCY_MS } },
  });
  const client = createMoltbookClient({ baseUrl: sim.url, adminKey: admin });
  const fingerprints = leaked.map(fingerprint);
  const evidenceUrl = "https://github.com/acme/app/commit/0123456789abcdef";
  const started = performance.now();
  const results = await Promise.all(
    fingerprints.map((fp) => client.revoke(fp, { reason: "leaked", evidenceUrl })),
  );
  const wallMs = performance.now() - started;
  const revoked = results.filter((r) => r.outcome === "revoked").length;
  const calls = sim.state.calls.length;
  await client.close();
  await sim.stop();
  return { n, revoked, calls, wallMs };
}

await run(200); // warm-up: JIT, the first connections; not printed
console.log(
  `Moltbook revocation through the client, simulator latency ${LATENCY_MS} ms, limit 100 calls / 60 s`,
);
console.log("keys      revoked   calls   wall ms    keys/s");
for (const n of sizes.length > 0 ? sizes : [100, 1000, 10000]) {
  const r = await run(n);
  console.log(
    `${String(r.n).padEnd(9)} ${String(r.revoked).padEnd(9)} ${String(r.calls).padEnd(7)} ${r.wallMs.toFixed(0).padStart(7)}   ${Math.round((r.n / r.wallMs) * 1000).toLocaleString("en")}`,
  );
}
