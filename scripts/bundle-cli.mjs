// Bundles the `moltbook-guard` CLI into dist/bin/ (run by `npm run build`, after tsc).
//
// Start-up is most of what a pre-commit hook costs. Node loads an unbundled ES module graph one file
// at a time (the detector alone is ~35 modules), and even a bundled one through its asynchronous ES
// module loader. So the CLI is one CommonJS file, `dist/bin/moltbook-guard.js`: measured on Node 20,
// a scan of an empty directory starts ~8 ms sooner than from the ES module chunks this replaced
// (bench/scan-throughput.mjs prints start-up). Only `simulate`, which loads the whole Moltbook
// simulator, is a bundle of its own (`simulate.mjs`), imported when that command runs. The app
// server keeps running from dist/src.
import { rmSync, writeFileSync } from "node:fs";
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

/** `simulate` is imported at run time from its own bundle, next to the CLI's. */
const simulatorApart = {
  name: "simulator-apart",
  setup(build) {
    build.onResolve({ filter: /^\.\/simulate\.js$/ }, (args) =>
      /[\\/]src[\\/]cli[\\/]build-program\.ts$/.test(args.importer)
        ? { path: "./simulate.mjs", external: true }
        : undefined,
    );
  },
};

const common = { bundle: true, platform: "node", target: "node20", sourcemap: true, logLevel: "warning" };

rmSync(OUT, { recursive: true, force: true });
await build({
  ...common,
  plugins: [lazyChildProcessInCommander, simulatorApart],
  entryPoints: { "moltbook-guard": "src/cli.ts" },
  outdir: OUT,
  format: "cjs",
  // The one ES-module-only thing the CLI uses: finding its own package.json.
  define: { "import.meta.url": "__moltbookGuardUrl" },
  banner: { js: 'const __moltbookGuardUrl = require("node:url").pathToFileURL(__filename).href;' },
});
await build({
  ...common,
  entryPoints: { simulate: "src/cli/simulate.ts" },
  outdir: OUT,
  outExtension: { ".js": ".mjs" },
  format: "esm",
  // CommonJS dependencies call require(); ES modules have none of their own.
  banner: {
    js: "import { createRequire as __moltbookGuardRequire } from 'node:module'; const require = __moltbookGuardRequire(import.meta.url);",
  },
});
// The package is "type": "module"; this tells Node that the CLI's .js file is CommonJS.
writeFileSync(`${OUT}/package.json`, `${JSON.stringify({ type: "commonjs" })}\n`);
