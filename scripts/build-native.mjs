// Builds the directory scan's native reader (native/prefilter.c) with node-gyp: npm runs this as
// the package's `install` script, for `npm ci` here and for an install from the registry.
//
// The addon only makes `moltbook-guard scan DIR` faster (docs/cli.md); without it the CLI reads
// files in JavaScript and finds the same keys. So a build that cannot happen (no compiler, Windows,
// `npm ci --ignore-scripts`) is reported in one line and the install goes on. Set
// MOLTBOOK_GUARD_NATIVE=0 to skip the build.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const native = join(dirname(fileURLToPath(import.meta.url)), "..", "native");

if (process.env.MOLTBOOK_GUARD_NATIVE === "0") {
  console.log("moltbook-guard: MOLTBOOK_GUARD_NATIVE=0, not building the native reader.");
  process.exit(0);
}

// npm hands its scripts the node-gyp it ships with; run by hand, look for it next to this Node.
const nodeGyp =
  process.env.npm_config_node_gyp ??
  join(
    dirname(process.execPath),
    "..",
    "lib",
    "node_modules",
    "npm",
    "node_modules",
    "node-gyp",
    "bin",
    "node-gyp.js",
  );
const args = [nodeGyp, "rebuild", "--directory", native];
// Build against this Node's own headers where it has them (npm is set to, on the project's
// machines), rather than have node-gyp download them.
const prefix = join(dirname(process.execPath), "..");
if (!process.env.npm_config_nodedir && existsSync(join(prefix, "include", "node", "node_api.h")))
  args.push(`--nodedir=${prefix}`);

const result = existsSync(nodeGyp)
  ? spawnSync(process.execPath, args, { encoding: "utf8" })
  : { status: null, error: new Error(`node-gyp not found at ${nodeGyp}`) };
if (result.status === 0) {
  console.log("moltbook-guard: built the native reader (native/build/Release/prefilter.node).");
} else {
  const reason =
    result.error?.message ??
    `${result.stderr ?? ""}`
      .split("\n")
      .find((line) => /error/i.test(line))
      ?.trim() ??
    `node-gyp exited ${result.status}`;
  console.warn(
    `moltbook-guard: the native reader was not built (${reason}); directory scans read files in JavaScript, with the same findings. To build it, install python3, make and a C compiler, then run npm rebuild moltbook-guard (in a checkout of it: npm run build:native).`,
  );
}
