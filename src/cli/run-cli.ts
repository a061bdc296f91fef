import type { CommanderError } from "commander";
import { redactKeys } from "../detect/index.js";
import { buildProgram } from "./build-program.js";
import { EXIT_ERROR } from "./exit-codes.js";
import { writeStderr } from "./std-out.js";

/**
 * Parses argv and runs the command. Any failure becomes exit status 2 and ONE line on stderr that
 * says what to do; set MOLTBOOK_GUARD_DEBUG=1 to also see the stack.
 */
export async function runCli(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (isCommanderError(error)) {
      if (error.exitCode === 0) return;
      if (error.code === "commander.help") {
        process.exitCode = EXIT_ERROR;
        return;
      }
      // Point at the help of the command that was being parsed, if one was named.
      const name = argv.slice(2).find((a) => program.commands.some((c) => c.name() === a));
      const help = name ? `moltbook-guard ${name} --help` : "moltbook-guard --help";
      fail(`${error.message.replace(/^error: /, "").replace(/\.$/, "")}. To resolve, see ${help}.`);
      return;
    }
    if (process.env.MOLTBOOK_GUARD_DEBUG) console.error(error);
    fail(error instanceof Error ? error.message : String(error));
  }
}

/**
 * By shape, not instanceof: `simulate` runs from its own bundle (dist/bin/simulate.js), with its
 * own copy of commander and so its own CommanderError class.
 */
function isCommanderError(error: unknown): error is CommanderError {
  const e = error as Partial<CommanderError> | null;
  return typeof e?.code === "string" && e.code.startsWith("commander.") && typeof e.exitCode === "number";
}

function fail(message: string): void {
  // Messages can quote what git or a file said: nothing key-shaped leaves as it came.
  const line = redactKeys(message)
    .replace(/\s*\n\s*/g, " ")
    .replace(/\.\.(\s|$)/g, ".$1");
  writeStderr(`moltbook-guard: ${line}\n`);
  process.exitCode = EXIT_ERROR;
}
