import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { writeFiles } from "./temp-dir.js";

// A fixed identity and no user or system config, so the tests see the same git everywhere.
const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "Test",
  GIT_AUTHOR_EMAIL: "test@example.invalid",
  GIT_COMMITTER_NAME: "Test",
  GIT_COMMITTER_EMAIL: "test@example.invalid",
};

/** Runs real git in `dir` and returns its stdout. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd: dir, env: GIT_ENV, encoding: "utf8" }).trim();
}

export function initRepo(dir: string): void {
  git(dir, "init", "-q", "-b", "main");
}

export interface CommitChange {
  write?: Record<string, string | Buffer>;
  remove?: string[];
}

/** Writes and removes files, stages everything and commits; returns the new commit's id. */
export function commit(dir: string, message: string, change: CommitChange = {}): string {
  if (change.write) writeFiles(dir, change.write);
  for (const rel of change.remove ?? []) rmSync(join(dir, rel), { force: true });
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "--allow-empty", "-m", message);
  return git(dir, "rev-parse", "HEAD");
}
