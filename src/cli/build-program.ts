import { Command } from "commander";
import { packageVersion } from "./package-version.js";
import { scanCommand } from "./scan-command.js";
import { ignoreClosedReader, writeStderr, writeStdout } from "./std-out.js";

/**
 * The `moltbook-guard` command tree. Each subcommand lives in its own file and returns a Command;
 * add new ones here. Errors are not printed by commander: runCli prints them, one line each.
 */
export function buildProgram(): Command {
  const program = new Command("moltbook-guard")
    .description("Find, revoke and govern Moltbook API keys.")
    .version(packageVersion(), "-V, --version")
    .addCommand(scanCommand())
    .addCommand(lazySimulateCommand());
  for (const cmd of [program, ...program.commands]) quiet(cmd);
  return program;
}

function quiet(cmd: Command): Command {
  return cmd
    .exitOverride()
    .configureOutput({ writeOut: writeStdout, writeErr: writeStderr, outputError: () => {} });
}

/**
 * `simulate` loads the whole Moltbook simulator, which takes longer than a scan of a small tree: a
 * pre-commit hook should not pay for it. So the command tree holds a stand-in that imports the real
 * command (src/cli/simulate.ts) only when it runs, and hands it the arguments untouched.
 */
function lazySimulateCommand(): Command {
  return new Command("simulate")
    .summary("serve a simulated Moltbook API on 127.0.0.1 (see: moltbook-guard simulate --help)")
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument("[options...]")
    .action(async (_args: string[], _opts: unknown, stub: Command) => {
      const { simulateCommand } = await import("./simulate.js");
      // The simulator prints through console.log, so through the stream.
      process.stdout.on("error", ignoreClosedReader);
      await quiet(simulateCommand()).parseAsync(stub.args, { from: "user" });
    });
}
