// Bundles the `moltbook-guard` CLI into dist/bin/ (run by `npm run build`, after tsc).
//
// Start-up is most of what a pre-commit hook costs, and Node loads an unbundled ES module graph one
// file at a time: the detector alone is ~35 modules. One bundle per command path (esbuild splits the
// lazily imported sources and the simulator into their own chunks) starts measurably faster; see
// bench/scan-throughput.mjs. The app server keeps running from dist/src.
import { rmSync } from "node:fs";
import { build } from "esbuild";

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

// Chunk names carry a content hash: clear out the previous build's.
rmSync("dist/bin", { recursive: true, force: true });
await build({
  plugins: [lazyChildProcessInCommander],
  entryPoints: { "moltbook-guard": "src/cli.ts" },
  outdir: "dist/bin",
  entryNames: "[name]",
  chunkNames: "[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  // CommonJS dependencies (commander, ignore) call require(); ES modules have none of their own.
  banner: {
    js: "import { createRequire as __moltbookGuardRequire } from 'node:module'; const require = __moltbookGuardRequire(import.meta.url);",
  },
});
