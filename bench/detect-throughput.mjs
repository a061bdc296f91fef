#!/usr/bin/env node
// Detector throughput. Not a test: it prints figures.
//
//   npm run build && node bench/detect-throughput.mjs [--size 200MB] [--seed 1] [--chunk 65536]
//        [--passes 3] [--work DIR] [--corpus-script ../shared/bench/make-corpus.mjs]
//
// Generates (once, cached under --work) a synthetic corpus with make-corpus.mjs, then measures in
// this process, against dist/src/detect/index.js:
//   - scanBuffer over every file (time in scanBuffer only; files are read one at a time),
//   - StreamScanner over the corpus diff read as one big file, in --chunk byte chunks,
//   - DiffStreamScanner over the corpus diff, in --chunk byte chunks,
// each next to a bare `indexOf("moltbook_sk_")` + regex loop over the same buffers, and checks the
// findings against the manifest: every planted key found at its line and column, no decoy reported.
// Each figure is the best of --passes runs (the machine may be shared); the streams run first, so
// the RSS they report is theirs. Prints no key: findings are matched by position and fingerprint.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus, MAKE_CORPUS } from "./generate-corpus.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const args = { size: "200MB", seed: "1", chunk: "65536", passes: "3", work: tmpdir(), "corpus-script": "" };
for (let i = 2; i < process.argv.length; i += 2) {
  const name = process.argv[i].replace(/^--/, "");
  if (!(name in args))
    throw new Error(`Unknown option --${name}. To resolve, use one of --${Object.keys(args).join(", --")}.`);
  args[name] = process.argv[i + 1];
}
const script = args["corpus-script"] ? resolve(args["corpus-script"]) : MAKE_CORPUS;
const detect = join(here, "..", "dist", "src", "detect", "index.js");
if (!existsSync(detect)) throw new Error(`No build at ${detect}. To resolve, run \`npm run build\` first.`);
const { scanBuffer, StreamScanner, DiffStreamScanner } = await import(detect);

// ---------------------------------------------------------------- corpus
const base = join(args.work, `moltbook-detect-bench-${args.size}-seed${args.seed}`);
const dir = `${base}/corpus`;
const diffPath = `${base}/corpus.diff`;
const manifestPath = `${dir}.manifest.json`;
if (!existsSync(manifestPath)) {
  if (!existsSync(script))
    throw new Error(`No corpus generator at ${script}. To resolve, pass --corpus-script.`);
  console.log(`generating ${args.size} corpus in ${base} ...`);
  generateCorpus({ script, out: dir, size: args.size, seed: args.seed, diff: diffPath });
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
const rate = (ms, bytes) => (mb(bytes) / (ms / 1000)).toFixed(0).padStart(6) + " MB/s";
const passes = Number(args.passes);

/** Adds up the wall time spent in the calls it times. */
class Clock {
  ms = 0;
  time(fn) {
    const t = performance.now();
    const result = fn();
    this.ms += performance.now() - t;
    return result;
  }
}

/** Runs `pass` (which returns { bytes, scan: Clock, bare: Clock, findings }) and prints the best figures. */
function measure(label, pass) {
  let best;
  let bareBest = Infinity;
  for (let i = 0; i < passes; i++) {
    const r = pass();
    if (!best || r.scan.ms < best.scan.ms) best = r;
    bareBest = Math.min(bareBest, r.bare.ms);
  }
  console.log(
    `${label.padEnd(32)}${rate(best.scan.ms, best.bytes)}   reference indexOf+regex ${rate(bareBest, best.bytes)}` +
      `   ratio ${(bareBest / best.scan.ms).toFixed(2)}`,
  );
  return best.findings;
}

// ---------------------------------------------------------------- streams over the diff
let maxRss = 0;
const sampleRss = () => (maxRss = Math.max(maxRss, process.memoryUsage().rss));

function streamPass(make) {
  const chunkSize = Number(args.chunk);
  const chunk = Buffer.alloc(chunkSize);
  const fd = openSync(diffPath, "r");
  const scanner = make();
  const findings = [];
  const scan = new Clock();
  const bare0 = new Clock();
  let bytes = 0;
  let n;
  while ((n = readSync(fd, chunk, 0, chunkSize, null)) > 0) {
    const piece = chunk.subarray(0, n);
    bytes += n;
    for (const f of scan.time(() => scanner.write(piece))) findings.push(f);
    bare0.time(() => bare(piece));
    if ((bytes & 0xfffff) < chunkSize) sampleRss();
  }
  for (const f of scan.time(() => scanner.end())) findings.push(f);
  closeSync(fd);
  return { bytes, scan, bare: bare0, findings };
}

const rssBefore = process.memoryUsage().rss;
console.log(
  `diff: ${mb(statSync(diffPath).size).toFixed(1)} MB, fed in ${Number(args.chunk) / 1024} KiB chunks; best of ${passes}`,
);
const diffFindings = measure("DiffStreamScanner", () => streamPass(() => new DiffStreamScanner()));
console.log(`  ${check(diffFindings)}`);
const asFile = measure("StreamScanner (the diff as a file)", () =>
  streamPass(() => new StreamScanner({ path: "corpus.diff" })),
);
const diffLines = new Set(manifest.keys.map((k) => k.diffLine));
console.log(
  `  ${asFile.filter((f) => diffLines.has(f.line)).length}/${diffLines.size} keys found on their diff line`,
);
console.log(
  `RSS: ${(rssBefore / 1048576).toFixed(0)} MB before streaming, at most ${(maxRss / 1048576).toFixed(0)} MB while streaming`,
);

// ---------------------------------------------------------------- scanBuffer over every file
const files = listFiles(dir);
function filesPass() {
  const scan = new Clock();
  const bare0 = new Clock();
  const findings = [];
  let bytes = 0;
  for (const path of files) {
    const buf = readFileSync(path);
    const name = relative(dir, path);
    bytes += buf.length;
    for (const f of scan.time(() => scanBuffer(buf, { path: name }))) findings.push(f);
    bare0.time(() => bare(buf));
  }
  return { bytes, scan, bare: bare0, findings };
}
console.log(
  `files: ${files.length}, ${manifest.keys.length} keys and ${manifest.decoys.length} decoys planted`,
);
const fileFindings = measure("scanBuffer, every file", filesPass);
console.log(`  ${check(fileFindings)}`);

try {
  const clock = new Clock();
  clock.time(() => execFileSync("rg", ["-uu", "-j1", "-c", "moltbook_sk_", dir], { stdio: "ignore" }));
  console.log(
    `rg -uu -j1 -c moltbook_sk_ over the files, with its I/O: ${rate(clock.ms, manifest.totalBytes)}`,
  );
} catch (e) {
  if (e.code === "ENOENT") console.log("rg not installed: no ripgrep figure");
  else throw e;
}
