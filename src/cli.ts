#!/usr/bin/env node
// `moltbook-guard`: parse the command line and run; see src/cli/ for the commands.
//
// Node exits with status 1 on a crash, which is also our "findings" status: anything unexpected,
// even a module that fails to load, must exit 2 instead, so CI never mistakes a crash for a result.
process.on("uncaughtException", crash);
process.on("unhandledRejection", crash);

import("./cli/run-cli.js").then(({ runCli }) => runCli(process.argv)).catch(crash);

function crash(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `moltbook-guard: unexpected error (${message.split("\n")[0]}). To resolve, rerun with MOLTBOOK_GUARD_DEBUG=1 and report the stack.\n`,
  );
  if (process.env.MOLTBOOK_GUARD_DEBUG) console.error(error);
  process.exit(2);
}
