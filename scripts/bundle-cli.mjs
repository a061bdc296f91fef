// Bundles the `moltbook-guard` CLI into dist/bin/ (run by `npm run build`, after tsc).
//
// Start-up is most of what a pre-commit hook costs, and Node loads an unbundled ES module graph one
// file at a time: the detector alone is ~35 modules. One bundle per command path (esbuild splits the
// lazily imported sources and the simulator into their own chunks) starts measurably faster; see
// bench/scan-throughput.mjs. The app server keeps running from dist/src.
import { build } from "esbuild";

await build({
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
