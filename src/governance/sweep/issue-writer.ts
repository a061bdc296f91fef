import { splitFullName, type Octokit } from "../../sources/github/octokit.js";

/** The few issue calls a sweep makes, with assignability checked once per repository and login. */
export class IssueWriter {
  readonly #octokit: Octokit;
  readonly #assignable = new Map<string, Promise<boolean>>();

  constructor(octokit: Octokit) {
    this.#octokit = octokit;
  }

  /** GitHub refuses a whole issue if one assignee cannot be assigned, so each is checked first. */
  async assignable(repo: string, logins: readonly string[]): Promise<string[]> {
    const checks = await Promise.all(
      logins.map(async (login) => ((await this.#canAssign(repo, login)) ? login : null)),
    );
    return checks.filter((l): l is string => l !== null);
  }

  async create(
    repo: string,
    issue: { title: string; body: string; labels: string[]; assignees: string[] },
  ): Promise<{ githubId: number; number: number }> {
    const { data } = await this.#octokit.rest.issues.create({ ...splitFullName(repo), ...issue });
    return { githubId: data.id, number: data.number };
  }

  async update(
    repo: string,
    number: number,
    fields: {
      title?: string;
      body?: string;
      labels?: string[];
      state?: "open" | "closed";
      state_reason?: "completed" | "not_planned" | "reopened";
    },
  ): Promise<{ githubId: number }> {
    const { data } = await this.#octokit.rest.issues.update({
      ...splitFullName(repo),
      issue_number: number,
      ...fields,
    });
    return { githubId: data.id };
  }

  /**
   * `wanted` plus the labels on the issue now that the app does not manage: a PATCH replaces all
   * labels, and labels people added must stay.
   */
  async keepingOthers(
    repo: string,
    number: number,
    wanted: string[],
    isManaged: (name: string) => boolean,
  ): Promise<string[]> {
    const { data } = await this.#octokit.rest.issues.get({ ...splitFullName(repo), issue_number: number });
    const current = data.labels.map((l) => (typeof l === "string" ? l : (l.name ?? ""))).filter(Boolean);
    return [...new Set([...wanted, ...current.filter((l) => !isManaged(l))])];
  }

  async comment(repo: string, number: number, body: string): Promise<void> {
    await this.#octokit.rest.issues.createComment({ ...splitFullName(repo), issue_number: number, body });
  }

  #canAssign(repo: string, login: string): Promise<boolean> {
    const key = `${repo.toLowerCase()}\n${login.toLowerCase()}`;
    let check = this.#assignable.get(key);
    if (!check) {
      check = this.#octokit.rest.issues
        .checkUserCanBeAssigned({ ...splitFullName(repo), assignee: login })
        .then(
          () => true,
          () => false,
        );
      this.#assignable.set(key, check);
    }
    return check;
  }
}
