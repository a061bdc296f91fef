#!/usr/bin/env node
// Detector throughput. Not a test: it prints figures.
//
//   npm run build && node bench/detect-throughput.mjs [--size 200MB] [--seed 1] [--chunk 65536]
//        [--work DIR] [--corpus-script ../shared/bench/make-corpus.mjs]
//
// Generates (once, cached under --work) a synthetic corpus with make-corpus.mjs, then measures in
// this process, against dist/src/detect/index.js:
//   - scanBuffer over every file (time in scanBuffer only; files are read one at a time),
//   - StreamScanner over the corpus diff read as one big file, in --chunk byte chunks,
//   - DiffStreamScanner over the corpus diff, in --chunk byte chunks,
// each next to a bare `indexOf("moltbook_sk_")` + regex loop over the same buffers, and checks the
// findings against the manifest: every planted key found at its line and column, no decoy reported.
// Prints no key: findings are matched by position and fingerprint.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const args = { size: "200MB", seed: "1", chunk: "65536", work: tmpdir(), "corpus-script": "" };
for (let i = 2; i < process.argv.length; i += 2) {
  const name = process.argv[i].replace(/^--/, "");
  if (!(name in args))
    throw new Error(`Unknown option --${name}. To resolve, use one of --${Object.keys(args).join(", --")}.`);
  args[name] = process.argv[i + 1];
}
const script = resolve(args["corpus-script"] || join(here, "..", "..", "shared", "bench", "make-corpus.mjs"));
const detect = join(here, "..", "dist", "src", "detect", "index.js");
if (!existsSync(detect)) throw new Error(`No build at ${detect}. To resolve, run \`npm run build\` first.`);
const { scanBuffer, StreamScanner, DiffStreamScanner } = await import(detect);

// ---------------------------------------------------------------- corpus
const base = join(args.work, `moltbook-detect-bench-${args.size}-seed${args.seed}`);
const dir = `${base}/corpus`;
const diffPath = `${base}/corpus.diff`;
const manifestPath = `${base}/corpus.manifest.json`;
if (!existsSync(manifestPath)) {
  if (!existsSync(script))
    throw new Error(`No corpus generator at ${script}. To resolve, pass --corpus-script.`);
  console.log(`generating ${args.size} corpus in ${base} ...`);
  execFileSync(
    process.execPath,
    [
      script,
      "--out",
      dir,
      "--size",
      args.size,
      "--keys",
      "500",
      "--decoys",
      "500",
      "--seed",
      args.seed,
      "--diff",
      diffPath,
      "--manifest",
      manifestPath,
    ],
    { stdio: "inherit" },
  );
}
const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
const fp = (key) => "sha256:" + createHash("sha256").update(key).digest("hex");
const planted = new Map(manifest.keys.map((k) => [`${k.file}:${k.line}:${k.column}`, fp(k.key)]));
const decoys = new Set(manifest.decoys.map((d) => `${d.file}:${d.line}:${d.column}`));

function listFiles(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

/** Counts findings against the manifest: keys found at their place, decoys reported, anything else. */
function check(findings) {
  let found = 0;
  let decoy = 0;
  let other = 0;
  for (const f of findings) {
    const at = `${f.path}:${f.line}:${f.column}`;
    if (planted.get(at) === f.fingerprint) found++;
    else if (decoys.has(at)) decoy++;
    else other++;
  }
  return `${found}/${planted.size} keys found, ${decoy} decoys reported, ${other} other findings`;
}

// The reference: what a bare scanner does per buffer.
const BARE = /^moltbook_sk_[A-Za-z0-9_-]{32}(?![A-Za-z0-9_-])/;
function bare(buf) {
  let n = 0;
  for (let i = buf.indexOf("moltbook_sk_"); i !== -1; i = buf.indexOf("moltbook_sk_", i + 12)) {
    if (BARE.test(buf.latin1Slice(i, Math.min(buf.length, i + 45)))) n++;
  }
  return n;
}

const mb = (bytes) => bytes / 1e6;
const rate = (bytes, ms) => (mb(bytes) / (ms / 1000)).toFixed(0).padStart(6) + " MB/s";

/** Wall time and CPU time (the latter is the fairer figure on a machine shared with other work). */
class Clock {
  wall = 0;
  cpu = 0;
  time(fn) {
    const c = process.cpuUsage();
    const t = performance.now();
    const result = fn();
    this.wall += performance.now() - t;
    const d = process.cpuUsage(c);
    this.cpu += (d.user + d.system) / 1000;
    return result;
  }
  rate(bytes) {
    return `${rate(bytes, this.wall)} (CPU time: ${rate(bytes, this.cpu).trim()})`;
  }
}

function report(label, bytes, scan, ref) {
  console.log(
    `${label.padEnd(30)}${scan.rate(bytes)}   reference indexOf+regex ${ref.rate(bytes)}   ratio ${(ref.wall / scan.wall).toFixed(2)}`,
  );
}
let maxRss = 0;
const sampleRss = () => (maxRss = Math.max(maxRss, process.memoryUsage().rss));

// ---------------------------------------------------------------- scanBuffer over every file
const files = listFiles(dir);
let bytes = 0;
const scanClock = new Clock();
const bareClock = new Clock();
let bareHits = 0;
const fileFindings = [];
for (const path of files) {
  const buf = readFileSync(path);
  const name = relative(dir, path);
  bytes += buf.length;
  for (const f of scanClock.time(() => scanBuffer(buf, { path: name }))) fileFindings.push(f);
  bareHits += bareClock.time(() => bare(buf));
}
console.log(
  `corpus: ${mb(bytes).toFixed(1)} MB in ${files.length} files, ${manifest.keys.length} keys, ${manifest.decoys.length} decoys`,
);
report("scanBuffer, every file", bytes, scanClock, bareClock);
console.log(`  ${check(fileFindings)} (reference matched ${bareHits})`);

// ---------------------------------------------------------------- streams over the diff
function stream(make, label) {
  const chunkSize = Number(args.chunk);
  const chunk = Buffer.alloc(chunkSize);
  const fd = openSync(diffPath, "r");
  const scanner = make();
  const findings = [];
  let total = 0;
  let ms = 0;
  let refMs = 0;
  let n;
  while ((n = readSync(fd, chunk, 0, chunkSize, null)) > 0) {
    const piece = chunk.subarray(0, n);
    total += n;
    let t = performance.now();
    for (const f of scanner.write(piece)) findings.push(f);
    ms += performance.now() - t;
    t = performance.now();
    bare(piece);
    refMs += performance.now() - t;
    if ((total & 0xfffff) < chunkSize) sampleRss();
  }
  const t = performance.now();
  for (const f of scanner.end()) findings.push(f);
  ms += performance.now() - t;
  closeSync(fd);
  sampleRss();
  console.log(
    `${label.padEnd(30)}${rate(total, ms)}   reference indexOf+regex ${rate(total, refMs)}   ratio ${(refMs / ms).toFixed(2)}`,
  );
  return findings;
}

const diffBytes = statSync(diffPath).size;
console.log(`diff: ${mb(diffBytes).toFixed(1)} MB, fed in ${Number(args.chunk) / 1024} KiB chunks`);
const asFile = stream(() => new StreamScanner({ path: "corpus.diff" }), "StreamScanner (diff as a file)");
const planted1 = manifest.keys.filter((k) => k.diffLine !== undefined).length;
const onDiffLines = asFile.filter((f) => manifest.keys.some((k) => k.diffLine === f.line)).length;
console.log(`  ${asFile.length} findings, ${onDiffLines}/${planted1} on a planted key's diff line`);
const diffFindings = stream(() => new DiffStreamScanner(), "DiffStreamScanner");
console.log(`  ${check(diffFindings)}`);
console.log(`max RSS while streaming: ${(maxRss / 1048576).toFixed(0)} MB`);

try {
  const clock = new Clock();
  clock.time(() => execFileSync("rg", ["-uu", "-j1", "-c", "moltbook_sk_", dir], { stdio: "ignore" }));
  console.log(`rg -uu -j1 over the files (with its I/O): ${rate(bytes, clock.wall)}`);
} catch (e) {
  if (e.code === "ENOENT") console.log("rg not installed: no ripgrep figure");
}
