import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { git } from "./git.js";
import { branchSha, isAncestor, ZERO_SHA } from "./git-objects.js";
import type { RepoRecord } from "./stand-in-types.js";

export interface CommitAuthor {
  name: string;
  email: string;
}

export interface PushResult {
  /** `refs/heads/<branch>`. */
  ref: string;
  branch: string;
  before: string;
  after: string;
  created: boolean;
  deleted: boolean;
  forced: boolean;
}

/**
 * A repository as a test sees it: a work tree (`dir`) to write and commit in, and `push` to make
 * commits visible to the stand-in, which only ever reads the bare repository, like GitHub.
 */
export class RepoHandle {
  constructor(readonly record: RepoRecord) {}

  get fullName(): string {
    return this.record.fullName;
  }
  get owner(): string {
    return this.record.owner.login;
  }
  get name(): string {
    return this.record.name;
  }
  /** The work tree: write files here, or use `write`. */
  get dir(): string {
    return this.record.workDir;
  }
  get bareDir(): string {
    return this.record.bareDir;
  }
  get defaultBranch(): string {
    return this.record.defaultBranch;
  }
  /** `{ owner, repo }` for Octokit calls. */
  get ref(): { owner: string; repo: string } {
    return { owner: this.owner, repo: this.name };
  }

  /** Runs git in the work tree. */
  git(args: string[]): Promise<string> {
    return git(this.dir, args);
  }

  async write(path: string, content: string | Uint8Array): Promise<void> {
    const file = this.#inside(path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
  }

  /** Writes many files at once (paths relative to the work tree). */
  async writeFiles(files: Record<string, string | Uint8Array>): Promise<void> {
    await Promise.all(Object.entries(files).map(([path, content]) => this.write(path, content)));
  }

  async deleteFile(path: string): Promise<void> {
    await rm(this.#inside(path), { force: true, recursive: true });
  }

  /**
   * Stages everything and commits. `author` is a GitHub login (mapped to a noreply address, so the
   * stand-in can show the commit's author as that user) or an explicit name and email.
   */
  async commit(
    message: string,
    options: { author?: string | CommitAuthor; date?: Date; allowEmpty?: boolean } = {},
  ): Promise<string> {
    const author = toAuthor(options.author ?? this.owner);
    const date = (options.date ?? new Date()).toISOString();
    const env = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
      GIT_COMMITTER_DATE: date,
    };
    await git(this.dir, ["add", "-A"]);
    const args = ["commit", "--quiet", "--no-verify", "-m", message];
    if (options.allowEmpty) args.push("--allow-empty");
    await git(this.dir, args, env);
    return this.head();
  }

  /** Creates a branch (from `from`, default the current commit) and switches to it. */
  async branch(name: string, options: { from?: string } = {}): Promise<void> {
    await git(this.dir, ["checkout", "--quiet", "-b", name, ...(options.from ? [options.from] : [])]);
  }

  async checkout(name: string): Promise<void> {
    await git(this.dir, ["checkout", "--quiet", name]);
  }

  async head(): Promise<string> {
    return (await git(this.dir, ["rev-parse", "HEAD"])).trim();
  }

  async currentBranch(): Promise<string> {
    return (await git(this.dir, ["symbolic-ref", "--short", "HEAD"])).trim();
  }

  /**
   * Pushes a branch (default: the current one) to the stand-in and says what a push webhook
   * would: before, after, created, forced. Pass the result to `standIn.pushPayload`.
   */
  async push(branch?: string, options: { force?: boolean } = {}): Promise<PushResult> {
    const name = branch ?? (await this.currentBranch());
    const before = (await branchSha(this.bareDir, name)) ?? ZERO_SHA;
    const args = [
      "push",
      "--quiet",
      "--no-verify",
      "origin",
      `${options.force ? "+" : ""}${name}:refs/heads/${name}`,
    ];
    await git(this.dir, args);
    const after = (await branchSha(this.bareDir, name)) ?? ZERO_SHA;
    const created = before === ZERO_SHA;
    const forced = !created && before !== after && !(await isAncestor(this.bareDir, before, after));
    return { ref: `refs/heads/${name}`, branch: name, before, after, created, deleted: false, forced };
  }

  /** Deletes a branch on the stand-in's side. */
  async deleteBranch(name: string): Promise<PushResult> {
    const before = (await branchSha(this.bareDir, name)) ?? ZERO_SHA;
    await git(this.dir, ["push", "--quiet", "--no-verify", "origin", `:refs/heads/${name}`]);
    return {
      ref: `refs/heads/${name}`,
      branch: name,
      before,
      after: ZERO_SHA,
      created: false,
      deleted: true,
      forced: false,
    };
  }

  #inside(path: string): string {
    const file = resolve(this.dir, path);
    if (
      !file.startsWith(this.dir + sep) ||
      file.includes(`${sep}.git${sep}`) ||
      file === join(this.dir, ".git")
    ) {
      throw new Error(
        `Path ${path} is outside the work tree of ${this.fullName}. To resolve, pass a relative path.`,
      );
    }
    return file;
  }
}

export function toAuthor(author: string | CommitAuthor): CommitAuthor {
  return typeof author === "string" ? { name: author, email: `${author}@users.noreply.github.com` } : author;
}

/** The GitHub login behind a noreply address (`login@…` or `id+login@users.noreply.github.com`). */
export function loginFromEmail(email: string): string | null {
  const match = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/i.exec(email);
  return match ? match[1] : null;
}
