import { execFile } from "node:child_process";

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

// The user's own git configuration (signing, hooks, templates, autocrlf) must not change what the
// stand-in computes, so every call runs with no global or system config and fixed options.
const ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_TERMINAL_PROMPT: "0",
  LC_ALL: "C",
};
const CONFIG = [
  "-c",
  "core.autocrlf=false",
  "-c",
  "core.quotepath=false",
  "-c",
  "commit.gpgsign=false",
  "-c",
  "advice.detachedHead=false",
  "-c",
  "init.defaultBranch=main",
];

/** Runs git and resolves with its exit code; never rejects for a non-zero exit. */
export function runGit(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      [...CONFIG, ...args],
      { cwd, env: { ...ENV, ...env }, encoding: "buffer", maxBuffer: 1 << 30 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        if (error && code === -1) {
          reject(
            new Error(
              `Could not run git (${cwd}). To resolve, install git 2.28 or later and put it on PATH.`,
              {
                cause: error,
              },
            ),
          );
          return;
        }
        resolve({ code, stdout, stderr: stderr.toString("utf8") });
      },
    );
  });
}

/** Runs git and returns stdout as bytes; a non-zero exit becomes an actionable error. */
export async function gitBytes(cwd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<Buffer> {
  const result = await runGit(cwd, args, env);
  if (result.code !== 0) {
    throw new Error(
      `git ${args[0]} failed with exit code ${result.code} (${cwd}): ${result.stderr.trim()}. To resolve, check the repository state the test set up.`,
    );
  }
  return result.stdout;
}

/** Runs git and returns stdout as UTF-8 text. */
export async function git(cwd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  return (await gitBytes(cwd, args, env)).toString("utf8");
}
