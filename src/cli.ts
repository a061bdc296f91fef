#!/usr/bin/env node
// `moltbook-guard`: parse the command line and run; see src/cli/ for the commands.
import { runCli } from "./cli/run-cli.js";

await runCli(process.argv);
