#!/usr/bin/env node
// Scan throughput of the built CLI, next to ripgrep on the same bytes. Not a test: it prints figures.
//
//   npm run bench:scan                      # builds, then: node bench/scan-throughput.mjs
//   node bench/scan-throughput.mjs [SIZE] [--runs 5] [--history-mb 40] [--commits 400] [--keep]
//
// SIZE is the corpus size (default 200MB, decimal units). The corpus comes from the shared generator
// (../shared/bench/make-corpus.mjs from the checkout; MAKE_CORPUS overrides), with 500 planted keys and
// 500 decoys, seed 1. Measured, best of --runs on a warm page cache, the commands compared taking turns:
//   0. start-up:       `moltbook-guard scan` of an empty directory vs bare `node -e 0`
//   1. directory scan: `moltbook-guard scan DIR --format json` vs `rg -uu -j1 -c PATTERN DIR`
//   2. diff scan:      `moltbook-guard scan --diff FILE` vs `rg --no-mmap -c PATTERN FILE`
//   3. history scan:   a git repository built from a slice of the corpus (--commits commits, with edits
//                      and deletions), `moltbook-guard scan --history` vs `git log -p --all | rg PATTERN`
// plus the scanner's peak RSS and a check of its findings against the generator's manifest, and for
// the directory: a Node process that only walks and reads the tree (bench/read-floor.cjs, in the same
// turns), and the scan in one process (bench/scan-in-process.mjs): first and warm, without start-up.
// Targets: directory >= 0.5x rg; diff >= 700 MB/s; RSS < 100 MB; history >= 1.0x git log | rg.
// Ratios are their time over ours (above 1 means we are faster), by wall clock and by CPU time; on a
// machine shared with other work, the CPU ratio is the steadier of the two.
// ripgrep is optional (apt-get install ripgrep); without it only our own figures are printed.
// When NODE_EXTRA_CA_CERTS is set, Node parses that bundle at every start (tens of ms for a system
// bundle), so start-up and the directory scan are also measured with it unset, and both are printed.
// Where the native reader is built (native/, see docs/cli.md), the directory scan is also measured
// with the JavaScript reader that replaces it where it is not (MOLTBOOK_GUARD_NATIVE=0).

import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus, MAKE_CORPUS as SHARED_MAKE_CORPUS } from "./generate-corpus.mjs";

const REPO = fileURLToPath(new URL("../", import.meta.url));
const CLI = join(REPO, "dist/bin/moltbook-guard.js");
const READ_FLOOR = join(REPO, "bench/read-floor.cjs");
const MAKE_CORPUS = process.env.MAKE_CORPUS ?? SHARED_MAKE_CORPUS;
const PATTERN = "moltbook_sk_[A-Za-z0-9_-]{32}";
const EXTRA_CA = process.env.NODE_EXTRA_CA_CERTS;
const WITHOUT_EXTRA_CA = { NODE_EXTRA_CA_CERTS: undefined };
const JS_READER = { MOLTBOOK_GUARD_NATIVE: "0" };
/** Prefix for a bash command line: bash's `time`, reporting CPU time as `MG_CPU <user> <system>`. */
const TIMED = "TIMEFORMAT='MG_CPU %3U %3S'; time";
/** A preload that reports the CLI's own peak RSS at exit (written into the work directory). */
let RSS_HOOK;

const args = parseArgs(process.argv.slice(2));
main().catch((error) => {
  console.error(`scan-throughput: ${error.message}`);
  process.exitCode = 2;
});

async function main() {
  for (const [file, what] of [
    [CLI, "the built CLI. To resolve, run npm run build (npm run bench:scan does)"],
    [MAKE_CORPUS, "the corpus generator. To resolve, set MAKE_CORPUS to make-corpus.mjs"],
  ]) {
    if (!existsSync(file)) throw new Error(`missing ${what} (${file}).`);
  }
  const rg = spawnSync("rg", ["--version"], { encoding: "utf8" });
  const hasRg = rg.status === 0;
  const work = mkdtempSync(join(tmpdir(), "mg-bench-"));
  RSS_HOOK = join(work, "report-rss.cjs");
  writeFileSync(
    RSS_HOOK,
    "process.on('exit', () => process.stderr.write('\\nMG_RSS=' + process.resourceUsage().maxRSS * 1024 + '\\n'));\n",
  );
  try {
    console.log(
      `moltbook-guard ${detectorVersion()}; node ${process.version}; ${cpus().length} x ${cpus()[0]?.model ?? "unknown CPU"}; ${hasRg ? rg.stdout.split("\n")[0] : "ripgrep not installed (apt-get install ripgrep): no comparison"}`,
    );
    const corpus = join(work, "corpus");
    const diff = join(work, "corpus.diff");
    const t0 = performance.now();
    generateCorpus({
      script: MAKE_CORPUS,
      out: corpus,
      size: args.size,
      seed: 1,
      diff,
      stdio: ["ignore", "ignore", "inherit"],
    });
    console.log(`corpus generated in ${secs(performance.now() - t0)} s\n`);
    const manifest = JSON.parse(readFileSync(`${corpus}.manifest.json`, "utf8"));
    const results = {};

    // 0. Start-up: what every run pays before reading a byte, next to bare Node's own.
    const empty = join(work, "empty");
    mkdirSync(empty);
    const [bare, idle] = await best(
      () => runShellTimed(`"${process.execPath}" -e 0`, work),
      () => runOurs(["scan", ".", "--format", "json"], empty),
    );
    results.startup = { ms: Math.round(idle.ms), nodeMs: Math.round(bare.ms) };
    const native = usesNativeReader(empty);
    console.log(`start-up: scan of an empty directory ${secs(idle.ms)} s; bare node -e 0 ${secs(bare.ms)} s`);
    // NODE_EXTRA_CA_CERTS makes Node parse that certificate bundle at every start, before any of our
    // code runs, whether or not the process ever opens a TLS connection (the scan opens none).
    if (EXTRA_CA) {
      const [bareWithout, idleWithout] = await best(
        () => runShellTimed(`"${process.execPath}" -e 0`, work, WITHOUT_EXTRA_CA),
        () => runOurs(["scan", ".", "--format", "json"], empty, WITHOUT_EXTRA_CA),
      );
      results.startup.withoutExtraCaCerts = {
        ms: Math.round(idleWithout.ms),
        nodeMs: Math.round(bareWithout.ms),
      };
      console.log(
        `  NODE_EXTRA_CA_CERTS is set (${EXTRA_CA}); without it: scan of an empty directory ${secs(idleWithout.ms)} s; bare node -e 0 ${secs(bareWithout.ms)} s`,
      );
    }
    console.log();

    // 1. Directory scan.
    const dirBytes = manifest.totalBytes;
    const [rgDir, ours, without, jsReader, floor] = await best(
      hasRg && (() => runShellTimed(`rg -uu -j1 -c '${PATTERN}' .`, corpus)),
      () => runOurs(["scan", ".", "--format", "json"], corpus),
      EXTRA_CA && (() => runOurs(["scan", ".", "--format", "json"], corpus, WITHOUT_EXTRA_CA)),
      native && (() => runOurs(["scan", ".", "--format", "json"], corpus, JS_READER)),
      () => runShellTimed(`"${process.execPath}" "${READ_FLOOR}"`, corpus),
    );
    console.log(
      native
        ? "directory scan with the native reader (native/build/Release/prefilter.node):"
        : "directory scan with the JavaScript reader (the native reader is not built):",
    );
    results.directory = figures("directory scan", dirBytes, ours, rgDir);
    results.directory.reader = native ? "native" : "javascript";
    results.directory.rssMB = +(ours.rss / 1e6).toFixed(1);
    results.directory.check = checkFindings(JSON.parse(ours.stdout).findings, manifest.keys);
    console.log(
      `  peak RSS ${results.directory.rssMB} MB (target < 100); ${describeCheck(results.directory.check)}`,
    );
    if (without) {
      results.directory.withoutExtraCaCerts = figures(
        "  without NODE_EXTRA_CA_CERTS",
        dirBytes,
        without,
        rgDir,
      );
    }
    if (jsReader) {
      results.directory.javascriptReader = figures(
        "  with the JavaScript reader (MOLTBOOK_GUARD_NATIVE=0)",
        dirBytes,
        jsReader,
        rgDir,
      );
      results.directory.javascriptReader.check = checkFindings(
        JSON.parse(jsReader.stdout).findings,
        manifest.keys,
      );
      console.log(`    ${describeCheck(results.directory.javascriptReader.check)}`);
    }
    // What Node itself costs, in the same turns: a fresh process that only walks and reads the tree.
    results.directory.readFloor = readFloorFigures(floor, dirBytes, rgDir);
    // Where that time goes: in one process, the first scan (V8 still compiling) and a warm one, best
    // of three processes. Bare Node's start-up plus a warm scan is what a fresh process could reach.
    const inProcess = { firstMs: Infinity, warmMs: Infinity };
    for (let i = 0; i < 3; i++) {
      const r = JSON.parse(
        execFileSync(process.execPath, [join(REPO, "bench/scan-in-process.mjs"), corpus, String(args.runs)], {
          encoding: "utf8",
        }),
      );
      inProcess.firstMs = Math.min(inProcess.firstMs, r.firstMs);
      inProcess.warmMs = Math.min(inProcess.warmMs, r.warmMs);
    }
    const floorMs = bare.ms + inProcess.warmMs;
    results.directory.inProcess = { ...inProcess, floorMs: Math.round(floorMs) };
    let floorText = `bare node's start-up plus a warm scan ${secs(floorMs)} s`;
    if (rgDir) {
      results.directory.inProcess.floorRatio = +(rgDir.ms / floorMs).toFixed(2);
      floorText += ` = ${results.directory.inProcess.floorRatio}x rg`;
    }
    console.log(
      `  in one process: first scan ${secs(inProcess.firstMs)} s, warm ${secs(inProcess.warmMs)} s; ${floorText}`,
    );
    console.log();

    // 2. One big unified diff.
    const diffBytes = statSync(diff).size;
    const [oursDiff, rgDiff] = await best(
      () => runOurs(["scan", "--diff", diff, "--format", "json"], work),
      hasRg && (() => runShellTimed(`rg --no-mmap -c '${PATTERN}' corpus.diff`, work)),
    );
    results.diff = figures("diff scan", diffBytes, oursDiff, rgDiff);
    results.diff.rssMB = +(oursDiff.rss / 1e6).toFixed(1);
    results.diff.check = checkFindings(JSON.parse(oursDiff.stdout).findings, manifest.keys);
    console.log(
      `  target >= 700 MB/s; peak RSS ${results.diff.rssMB} MB; ${describeCheck(results.diff.check)}\n`,
    );

    // 3. History.
    const repo = join(work, "repo");
    const slice = buildHistory(corpus, repo, manifest);
    console.log(
      `history: ${args.commits} commits from ${slice.files} files (${(slice.bytes / 1e6).toFixed(1)} MB) with edits and deletions, ${slice.keys} keys`,
    );
    const [oursHistory, theirs] = await best(
      () => runOurs(["scan", "--history", "--format", "json"], repo),
      hasRg && (() => runShellTimed(`git log -p --all | rg -c '${PATTERN}'`, repo)),
    );
    const logBytes = Number(
      execFileSync("sh", ["-c", "git log -p --all | wc -c"], { cwd: repo, encoding: "utf8" }).trim(),
    );
    results.history = figures("history scan", logBytes, oursHistory, theirs, "git log -p | rg");
    const found = new Set(JSON.parse(oursHistory.stdout).findings.map((f) => f.fingerprint)).size;
    results.history.keysFound = found;
    results.history.keysPlanted = slice.keys;
    results.history.rssMB = +(oursHistory.rss / 1e6).toFixed(1);
    console.log(
      `  target >= 1.0x; peak RSS ${results.history.rssMB} MB; distinct keys found ${found} of ${slice.keys} planted in the slice\n`,
    );

    console.log(JSON.stringify({ size: args.size, runs: args.runs, ...results }));
  } finally {
    if (args.keep) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

function parseArgs(argv) {
  const o = { size: "200MB", runs: 5, historyMB: 40, commits: 400, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--runs") o.runs = Number(argv[++i]);
    else if (a === "--history-mb") o.historyMB = Number(argv[++i]);
    else if (a === "--commits") o.commits = Number(argv[++i]);
    else if (a === "--keep") o.keep = true;
    else if (!a.startsWith("-")) o.size = a;
    else
      throw new Error(
        `unknown argument ${a}. To resolve, see the usage at the top of bench/scan-throughput.mjs.`,
      );
  }
  return o;
}

/** Which detector was measured: the last commit touching src/detect, and whether the tree differs from it. */
function detectorVersion() {
  const git = (...a) => spawnSync("git", a, { cwd: REPO, encoding: "utf8" }).stdout?.trim() ?? "";
  const commit = git("log", "-1", "--format=%h %cs", "--", "src/detect") || "uncommitted";
  const dirty = git("status", "--porcelain", "--", "src/detect") ? " + uncommitted changes" : "";
  return `detector at ${commit}${dirty}`;
}

/**
 * Runs the CLI as its bin runs it (the file as Node's main module), with a preloaded one-line
 * CommonJS hook (an ES module would start Node's ES module loader, which the CLI itself does not
 * need) that reports the process's own peak RSS at exit, under bash's `time`, whose CPU figure
 * includes the git processes a history scan starts.
 */
function runOurs(cliArgs, cwd, env = {}) {
  const line = `${TIMED} "$MG_NODE" --require "$MG_HOOK" "$MG_CLI" "$@"`;
  return runTimed("bash", ["-c", line, "bash", ...cliArgs], cwd, {
    ...env,
    MG_NODE: process.execPath,
    MG_HOOK: RSS_HOOK,
    MG_CLI: CLI,
  }).then((r) => {
    if ((r.code !== 0 && r.code !== 1) || !r.stdout.startsWith("{")) {
      throw new Error(`moltbook-guard ${cliArgs.join(" ")} failed (${r.code}): ${r.stderr.trim()}`);
    }
    return { ...r, rss: Number(/MG_RSS=(\d+)/.exec(r.stderr)?.[1] ?? 0), cpu: cpuMs(r.stderr) };
  });
}

/** Whether the CLI reads files with the native reader: it says so on stderr in debug mode. */
function usesNativeReader(emptyDir) {
  const r = spawnSync(process.execPath, [CLI, "scan", ".", "--format", "json"], {
    cwd: emptyDir,
    env: { ...process.env, MOLTBOOK_GUARD_DEBUG: "1" },
    encoding: "utf8",
  });
  return /native reader in use/.test(r.stderr);
}

function runTimed(cmd, cmdArgs, cwd, env = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, cmdArgs, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out = [];
    let stderr = "";
    child.stdout.on("data", (b) => out.push(b));
    child.stderr.on("data", (b) => (stderr += b));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ ms: performance.now() - started, code, stdout: Buffer.concat(out).toString(), stderr }),
    );
  });
}

/**
 * Runs a shell command line under bash's `time`, which reports the CPU time of everything it ran
 * (both ends of a pipe): on a shared machine, CPU time is steadier than wall time.
 */
function runShellTimed(line, cwd, env = {}) {
  return runTimed("bash", ["-c", `${TIMED} (${line}) >/dev/null`], cwd, env).then((r) => ({
    ...r,
    cpu: cpuMs(r.stderr),
  }));
}

/** The CPU time (user + system, in ms) that TIMED reported on stderr. */
function cpuMs(stderr) {
  const m = /MG_CPU ([\d.]+) ([\d.]+)/.exec(stderr);
  return m ? (Number(m[1]) + Number(m[2])) * 1000 : 0;
}

/**
 * The best (shortest) of args.runs runs of each command, after one warm-up round that fills the
 * page cache. The commands take turns, so that a machine that slows down or speeds up meanwhile
 * weighs on all of them alike; a null command (ripgrep not installed) yields null.
 */
async function best(...runs) {
  const tops = [];
  for (let round = 0; round <= args.runs; round++) {
    for (const [i, run] of runs.entries()) {
      if (!run) continue;
      const r = await run();
      if (!tops[i] || r.ms < tops[i].ms) tops[i] = r;
    }
  }
  return runs.map((_, i) => tops[i] ?? null);
}

function figures(label, bytes, ours, theirs, theirLabel = "rg") {
  const mbs = (r) => bytes / 1e6 / (r.ms / 1000);
  const line = {
    bytes,
    ms: Math.round(ours.ms),
    cpuMs: Math.round(ours.cpu),
    mbPerSec: Math.round(mbs(ours)),
  };
  let text = `${label}: ${(bytes / 1e6).toFixed(1)} MB in ${secs(ours.ms)} s (CPU ${secs(ours.cpu)} s) = ${line.mbPerSec} MB/s`;
  if (theirs) {
    line.theirMs = Math.round(theirs.ms);
    line.theirCpuMs = Math.round(theirs.cpu);
    line.theirMbPerSec = Math.round(mbs(theirs));
    line.ratio = +(theirs.ms / ours.ms).toFixed(2);
    line.cpuRatio = +(theirs.cpu / ours.cpu).toFixed(2);
    text += `; ${theirLabel} ${secs(theirs.ms)} s (CPU ${secs(theirs.cpu)} s) = ${line.theirMbPerSec} MB/s`;
    text += `; ratio ${line.ratio}x wall, ${line.cpuRatio}x CPU`;
  }
  console.log(text);
  return line;
}

/** bench/read-floor.cjs's figures, once it is shown to have read the whole corpus: what Node itself costs. */
function readFloorFigures(floor, bytes, rgDir) {
  const [files, read] = (/MG_READ (\d+) (\d+)/.exec(floor.stderr) ?? []).slice(1).map(Number);
  if (read !== bytes)
    throw new Error(`read-floor.cjs read ${read} bytes of ${bytes}: ${floor.stderr.trim()}`);
  const label = "  a Node process that only walks and reads every file (bench/read-floor.cjs)";
  return { files, ...figures(label, bytes, floor, rgDir) };
}

/** Planted keys found at their file, line and column; anything else we reported counts as extra. */
function checkFindings(findings, keys) {
  const want = new Set(keys.map((k) => `${k.file}:${k.line}:${k.column}`));
  const got = new Set(findings.map((f) => `${f.path}:${f.line}:${f.column}`));
  const missing = [...want].filter((k) => !got.has(k));
  const extra = [...got].filter((k) => !want.has(k));
  return {
    planted: want.size,
    found: want.size - missing.length,
    extra: extra.length,
    missingSample: missing.slice(0, 3),
  };
}

function describeCheck(c) {
  return `manifest check: ${c.found}/${c.planted} planted keys at the right place, ${c.extra} extra${c.missingSample.length ? `; missing e.g. ${c.missingSample.join(", ")}` : ""}`;
}

/**
 * A repository whose history is a slice of the corpus: files arrive in batches over `commits`
 * commits; every fifth commit also edits an earlier file (appending a line) and every seventh deletes
 * one, so keys are added, carried and removed as in real histories. Built with git fast-import: one
 * process, deterministic.
 */
function buildHistory(corpus, repo, manifest) {
  const files = [];
  let bytes = 0;
  (function walk(dir) {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (bytes >= args.historyMB * 1e6) return;
      const abs = join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else {
        const rel = relative(corpus, abs);
        files.push(rel);
        bytes += statSync(abs).size;
      }
    }
  })(corpus);
  const inSlice = new Set(files);
  const keys = new Set(manifest.keys.filter((k) => inSlice.has(k.file)).map((k) => k.key)).size;
  execFileSync("git", ["init", "-q", "-b", "main", repo]);
  const parts = [];
  const per = Math.ceil(files.length / args.commits);
  let when = 1_700_000_000;
  for (let c = 0; c < args.commits; c++) {
    const batch = files.slice(c * per, (c + 1) * per);
    const message = `commit ${c}: add ${batch.length} files\n`;
    parts.push(
      `commit refs/heads/main\ncommitter Bench <bench@example.invalid> ${when++} +0000\ndata ${Buffer.byteLength(message)}\n${message}`,
    );
    for (const rel of batch) {
      const content = readFileSync(join(corpus, rel));
      parts.push(Buffer.from(`M 100644 inline ${rel}\ndata ${content.length}\n`), content, Buffer.from("\n"));
    }
    if (c > 0 && c % 5 === 0) {
      const rel = files[(c * 7) % (c * per)];
      const content = Buffer.concat([
        readFileSync(join(corpus, rel)),
        Buffer.from(`// edited in commit ${c}\n`),
      ]);
      parts.push(Buffer.from(`M 100644 inline ${rel}\ndata ${content.length}\n`), content, Buffer.from("\n"));
    }
    if (c > 0 && c % 7 === 0) parts.push(`D ${files[(c * 13) % (c * per)]}\n`);
    parts.push("\n");
  }
  const stream = Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p) : p)));
  writeFileSync(join(repo, "..", "history.fi"), stream);
  execFileSync("sh", ["-c", "git fast-import --quiet < ../history.fi"], { cwd: repo });
  execFileSync("git", ["checkout", "-q", "main"], { cwd: repo });
  return { files: files.length, bytes, keys };
}

function secs(ms) {
  return (ms / 1000).toFixed(2);
}
