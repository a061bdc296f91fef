import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The repository's root, found from this file (test/support/cli/). */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** The BUILT command line. `npm test` builds first (the `pretest` script); alone, run `npm run build`. */
export const CLI = fileURLToPath(new URL("../../../dist/bin/moltbook-guard.js", import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  cwd: string;
  /** Written to the CLI's stdin, which is then closed. Without it stdin is closed at once. */
  input?: string | Buffer;
  env?: Record<string, string | undefined>;
}

/** Spawns `node dist/bin/moltbook-guard.js ARGS` as a user would run it, and collects what it printed. */
export function runCli(args: string[], options: CliRunOptions): Promise<CliRun> {
  if (!existsSync(CLI)) {
    throw new Error(
      `the CLI is not built (${CLI}). To resolve, run npm run build, or npm test which builds first.`,
    );
  }
  return runCommand(process.execPath, [CLI, ...args], options);
}

/**
 * Spawns any command the same way (a shell line around the CLI, say), with the same environment
 * and input, and collects what it printed.
 */
export function runCommand(command: string, args: string[], options: CliRunOptions): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      // No colour and no progress bar noise: tests read plain output.
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.on("error", () => {});
    child.stdin.end(options.input ?? "");
  });
}
