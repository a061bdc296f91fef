#!/usr/bin/env node
// Where a directory scan's time goes, apart from start-up: the built scanner (dist/src, the code the
// CLI bundles) scans DIR several times in ONE process and prints, as JSON, how long the first scan
// took (V8 still compiling: what a fresh `moltbook-guard scan` pays) and the best of the later ones
// (optimized code, page cache warm). Not a test; bench/scan-throughput.mjs runs it.
//
//   node bench/scan-in-process.mjs DIR [RUNS]      # run from DIR's parent or anywhere
//
// The scan is the CLI's: the walk from `.` in DIR (gitignore honoured, files opened by relative
// path) and scanFiles with the default size cap.
import { resolve } from "node:path";

const [dir, runsArg = "5"] = process.argv.slice(2);
if (!dir) {
  console.error("scan-in-process: usage: node bench/scan-in-process.mjs DIR [RUNS]");
  process.exit(2);
}
const built = (file) => new URL(`../dist/src/sources/files/${file}`, import.meta.url).href;
const { walkFiles } = await import(built("walk-files.js"));
const { scanFiles } = await import(built("scan-files.js"));

process.chdir(resolve(dir));
const times = [];
let findings = 0;
for (let run = 0; run < Math.max(2, Number(runsArg)); run++) {
  const started = performance.now();
  const files = walkFiles(process.cwd(), ".", { gitignore: true, readByPath: true });
  findings = scanFiles(files, { maxFileSize: 10_000_000 }).findings.length;
  times.push(performance.now() - started);
}
console.log(
  JSON.stringify({
    firstMs: Math.round(times[0]),
    warmMs: Math.round(Math.min(...times.slice(1))),
    findings,
  }),
);
