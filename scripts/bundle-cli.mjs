// Bundles the `moltbook-guard` CLI into dist/bin/ (run by `npm run build`, after tsc).
//
// Start-up is most of what a pre-commit hook costs. Node loads an unbundled ES module graph one file
// at a time (the detector alone is ~35 modules), and even a bundled one through its asynchronous ES
// module loader. So the CLI is one CommonJS file, `dist/bin/cli.js`: measured on Node 20, a scan of
// an empty directory starts ~8 ms sooner than from the ES module chunks this replaced
// (bench/scan-throughput.mjs prints start-up). The bin, `dist/bin/moltbook-guard.js`, runs it from
// the V8 code cache made here at the end (src/cli-loader.ts). Only `simulate`, which loads the whole
// Moltbook simulator, and `scan --verify`'s Moltbook client are bundles of their own (`simulate.js`,
// `verify-findings.js`, see APART), loaded when they run. The app server keeps running from dist/src.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";

const OUT = "dist/bin";

/**
 * commander requires node:child_process at load time, only to run stand-alone executable
 * subcommands, which this CLI has none of; loading it (with net, dgram and streams) is a measurable
 * share of start-up. Inside commander only, it becomes a stand-in that loads it on first use.
 */
const lazyChildProcessInCommander = {
  name: "lazy-child-process-in-commander",
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: "lazy-child-process", namespace: "moltbook-guard" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "moltbook-guard" }, () => ({
      contents:
        "let real; module.exports = { spawn: (...a) => (real ??= require('node:child_process')).spawn(...a) };",
      loader: "js",
    }));
  },
};

/**
 * Commands' parts that only some runs need, each in its own bundle next to the CLI's and loaded at
 * run time: `simulate` (the whole Moltbook simulator) and `scan --verify` (the Moltbook client with
 * its rate limiter and Redis driver). A scan that verifies nothing never parses them.
 */
const APART = [
  { module: "simulate", importer: "build-program" },
  { module: "verify-findings", importer: "run-scan" },
];
const partsApart = {
  name: "parts-apart",
  setup(build) {
    for (const { module, importer } of APART) {
      const from = new RegExp(`[\\\\/]src[\\\\/]cli[\\\\/]${importer}\\.ts$`);
      build.onResolve({ filter: new RegExp(`^\\./${module}\\.js$`) }, (args) =>
        from.test(args.importer) ? { path: `./${module}.js`, external: true } : undefined,
      );
    }
  },
};

const common = { bundle: true, platform: "node", target: "node20", sourcemap: true, logLevel: "warning" };

rmSync(OUT, { recursive: true, force: true });
await build({
  ...common,
  plugins: [lazyChildProcessInCommander, partsApart],
  entryPoints: { cli: "src/cli.ts" },
  outdir: OUT,
  format: "cjs",
  // The APART bundles are loaded with require(), not import(): code run from V8's code cache loses
  // what Node needs to resolve a dynamic import (src/cli-loader.ts).
  supported: { "dynamic-import": false },
  // The one ES-module-only thing the CLI uses: finding its own package.json.
  define: { "import.meta.url": "__moltbookGuardUrl" },
  // The bundle is the body of the CommonJS wrapper the bin runs it as (src/cli-loader.ts), so the
  // bin hands V8 the file as read. "use strict" opens the body, where it counts: esbuild's own comes
  // after the banner's first statement, a plain string there.
  banner: {
    js: '(function (exports, require, module, __filename, __dirname) { "use strict"; const __moltbookGuardUrl = require("node:url").pathToFileURL(__filename).href;',
  },
  footer: { js: "})" },
  // esbuild's default, stated because the bin relies on it: it reads the bundle as latin1, which is
  // exact only if nothing but comments holds a character outside ASCII.
  charset: "ascii",
});
await build({
  ...common,
  entryPoints: Object.fromEntries(APART.map(({ module }) => [module, `src/cli/${module}.ts`])),
  outdir: OUT,
  format: "cjs",
});
await build({
  ...common,
  sourcemap: false,
  entryPoints: { "moltbook-guard": "src/cli-loader.ts" },
  outdir: OUT,
  format: "cjs",
});
// The package is "type": "module"; this tells Node that the CLI's .js files are CommonJS.
writeFileSync(`${OUT}/package.json`, `${JSON.stringify({ type: "commonjs" })}\n`);
writeCodeCache();

/**
 * Runs the built CLI once, on a scan that takes the detector's paths (a name, a placeholder and a
 * key, made here at random), and has the bin save V8's code cache as it exits (dist/bin/cli.js.cache).
 * The cache only speeds up start-up: if this fails, the CLI still runs, so it warns and goes on.
 */
function writeCodeCache() {
  const dir = mkdtempSync(join(tmpdir(), "mg-code-cache-"));
  try {
    const prefix = ["moltbook", "sk"].join("_") + "_";
    writeFileSync(
      join(dir, "sample.env"),
      `URL=https://moltbook.example\nPLACEHOLDER=${prefix}${"x".repeat(32)}\nKEY=${prefix}${randomBytes(24).toString("base64url")}\n`,
    );
    const r = spawnSync(process.execPath, [`${OUT}/moltbook-guard.js`, "scan", dir, "--format", "json"], {
      env: { ...process.env, MOLTBOOK_GUARD_WRITE_CODE_CACHE: "1" },
      encoding: "utf8",
    });
    if (r.status !== 1)
      console.warn(`bundle-cli: no code cache (the sample scan exited ${r.status}: ${r.stderr.trim()})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
