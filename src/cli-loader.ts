#!/usr/bin/env node
// `moltbook-guard`'s bin: runs the bundled CLI (cli.js, next to this file) from V8's code cache.
//
// Compiling the 300 KB bundle is a measurable part of every run's start-up, and a pre-commit hook
// is mostly start-up. `npm run build` runs the CLI once and saves the bytecode V8 made
// (cli.js.cache, see scripts/bundle-cli.mjs); here V8 takes it instead of compiling, if it was made
// by this same Node (V8 checks the version, the flags and the source, and otherwise compiles as
// usual, so a cache from another Node costs nothing but reading it). Node 22.1+'s own module compile
// cache cannot reach code compiled here, so this is the one cache, on every Node version.
//
// Bundled by esbuild as CommonJS (dist/bin/moltbook-guard.js); never compiled by tsc.
import { readFileSync, writeFileSync } from "node:fs";
import { Script } from "node:vm";

const bundle = `${__dirname}/cli.js`;
const cachePath = `${bundle}.cache`;

// Node exits with status 1 when a script throws, which is also our "findings" status: a bin that
// cannot start must exit 2, as the CLI itself does (src/cli.ts).
try {
  start();
} catch (error) {
  process.stderr.write(
    `moltbook-guard: cannot start (${(error as Error).message.split("\n")[0]}). To resolve, reinstall moltbook-guard or run npm run build.\n`,
  );
  process.exit(2);
}

function start(): void {
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cachePath);
  } catch {
    // No cache (a build that skipped it): compile as Node would.
  }
  // The bundle is already wrapped as a function (scripts/bundle-cli.mjs; V8 reads its `#!` line as a
  // comment), so V8 gets the file as read, not copied to be wrapped. Read as latin1: esbuild writes
  // all but comments in ASCII, so the program is the same, and the source stays one byte a character.
  // Read as UTF-8, one `…` in a comment made all 300 KB two-byte, copied and hashed at twice the
  // size. Measured on a scan of an empty directory: 2,985 page faults before, 2,658 after, ~5 ms.
  const script = new Script(readFileSync(bundle, "latin1"), { filename: bundle, cachedData });
  if (process.env.MOLTBOOK_GUARD_DEBUG) {
    const state = cachedData ? (script.cachedDataRejected ? "rejected" : "used") : "missing";
    process.stderr.write(`moltbook-guard: code cache ${state} (${cachePath})\n`);
  }
  if (process.env.MOLTBOOK_GUARD_WRITE_CODE_CACHE === "1") {
    // After the run, so that the functions it compiled are in the cache too.
    process.once("exit", () => {
      try {
        writeFileSync(cachePath, script.createCachedData());
      } catch (error) {
        process.stderr.write(
          `moltbook-guard: could not write the code cache (${(error as Error).message})\n`,
        );
      }
    });
  }
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const mod = { exports: {} };
  run(mod.exports, require, mod, bundle, __dirname);
}
