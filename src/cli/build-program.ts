import { Command } from "commander";
import { packageVersion } from "./package-version.js";
import { scanCommand } from "./scan-command.js";

/**
 * The `moltbook-guard` command tree. Each subcommand lives in its own file and returns a Command;
 * add new ones here. Errors are not printed by commander: runCli prints them, one line each.
 */
export function buildProgram(): Command {
  const program = new Command("moltbook-guard")
    .description("Find, revoke and govern Moltbook API keys.")
    .version(packageVersion(), "-V, --version")
    .addCommand(scanCommand());
  // TODO: program.addCommand(simulateCommand()) from ./simulate.js once it lands.
  for (const cmd of [program, ...program.commands]) {
    cmd.exitOverride().configureOutput({ outputError: () => {} });
  }
  return program;
}
