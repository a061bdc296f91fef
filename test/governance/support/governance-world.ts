// A world for governance tests: the Moltbook simulator with an exact inventory made at run time,
// the GitHub stand-in with an organisation's repositories, and the real app (one or more
// instances on one SQLite file). Everything listens on 127.0.0.1.
import { startSimulator, type RunningSimulator } from "../../../src/moltbook/index.js";
import type { StateFile } from "../../../src/moltbook/simulator/state-file.js";
import { settle, startTestApp, type TestApp } from "../../support/app/start-test-app.js";
import {
  deliver,
  startGitHubStandIn,
  type GitHubStandIn,
  type PermissionLevel,
} from "../../support/github/index.js";
import { randomKey } from "../../support/moltbook/random-key.js";

const DAY = 86_400_000;

export type KeySpec = NonNullable<StateFile["keys"]>[number];

/** A key record relative to now: `created`, `expires`, `used` are days from now (negative: ago). */
export function keySpec(
  id: string,
  fields: Omit<Partial<KeySpec>, "created_at" | "expires_at" | "last_used_at"> & {
    created?: number;
    expires?: number | null;
    used?: number | null;
  } = {},
): KeySpec {
  const { created = -10, expires = 60, used = -1, ...rest } = fields;
  const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
  return {
    id,
    name: id.replace(/^key_/, "").replace(/_/g, "-"),
    key: randomKey(),
    parent_id: null,
    owner: { email: null, github_login: "alice" },
    purpose: "Posts release notes",
    project: "acme/api",
    scopes: ["posts:write"],
    ip_allowlist: ["203.0.113.0/24"],
    created_at: at(created),
    expires_at: expires === null ? null : at(expires),
    last_used_at: used === null ? null : at(used),
    ...rest,
  };
}

export interface GovernanceWorld {
  moltbook: RunningSimulator;
  github: GitHubStandIn;
  apps: TestApp[];
  app: TestApp;
  installationId: number;
  /** Every log line of every instance (JSON), for debugging and the no-raw-key check. */
  logs: string[];
  /** Delivers a signed webhook to one instance (default the first). */
  send(event: string, payload: unknown, options?: { app?: TestApp; settle?: boolean }): Promise<number>;
  /** Waits until every sweep job is done (retries included, which `settle` does not wait for). */
  sweepsDone(timeoutMs?: number): Promise<void>;
  /** Waits until no instance has a job running or due. */
  settle(timeoutMs?: number): Promise<void>;
  /** A person's comment on an issue or pull request, delivered as `issue_comment.created`. */
  comment(repo: string, number: number, body: string, user: string): Promise<void>;
  /** The installation webhook payload (`installation.created`). */
  installed(): Record<string, unknown>;
  /** An `installation_repositories.added` payload for the installation's repositories. */
  repositoriesAdded(): Record<string, unknown>;
  /** Edits an issue body as a person would (through the REST API with their token). */
  editBody(repo: string, number: number, body: string, user: string): Promise<void>;
  /** Calls that wrote something (anything but GET; token requests are auth, not writes), as `METHOD path`. */
  writes(): string[];
  stop(): Promise<void>;
}

export interface GovernanceWorldOptions {
  keys: KeySpec[];
  /** Repositories of the installation (default `acme/.github` and `acme/api`). */
  repos?: string[];
  permissions?: Array<[repo: string, login: string, level: PermissionLevel]>;
  instances?: number;
  installationId?: number;
}

export async function startGovernanceWorld(options: GovernanceWorldOptions): Promise<GovernanceWorld> {
  const installationId = options.installationId ?? 1;
  const adminKey = randomKey();
  const guard = keySpec("key_guard", {
    name: "moltbook-guard governance",
    key: adminKey,
    scopes: ["keys:read", "keys:revoke", "audit:read"],
    project: "acme/.github",
    owner: { email: null, github_login: "mia" },
    purpose: "Moltbook Guard key governance",
  });
  const moltbook = await startSimulator({ port: 0, state: { keys: [guard, ...options.keys] }, adminKey });
  const github = await startGitHubStandIn();
  for (const name of options.repos ?? ["acme/.github", "acme/api"]) {
    await github.createRepo(name, { installationId, autoInit: false });
  }
  for (const [repo, login, level] of options.permissions ?? []) github.setPermission(repo, login, level);

  const apps: TestApp[] = [];
  const logs: string[] = [];
  const common = {
    githubHost: github.host,
    moltbookUrl: moltbook.url,
    adminKey,
    env: { SWEEP_SCHEDULER: "off" },
    logLines: logs,
  };
  apps.push(await startTestApp(common));
  for (let i = 1; i < (options.instances ?? 1); i++) {
    apps.push(await startTestApp({ ...common, databaseFile: apps[0].databaseFile }));
  }
  // Both instances verify signatures with their own secret; deliver to each with its own.
  const world: GovernanceWorld = {
    moltbook,
    github,
    apps,
    app: apps[0],
    installationId,
    logs,
    async send(event, payload, sendOptions = {}) {
      const app = sendOptions.app ?? apps[0];
      const status = await deliver(app.url, { event, payload, secret: app.secret });
      if (sendOptions.settle !== false) await world.settle();
      return status;
    },
    async settle(timeoutMs = 50_000) {
      // Twice: a job finishing on one instance may enqueue another that the other instance runs.
      for (let i = 0; i < 2; i++) for (const app of apps) await settle(app.services, timeoutMs);
    },
    async sweepsDone(timeoutMs = 50_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const jobs = await apps[0].services.store.listJobs({ kind: "governance_sweep" });
        if (jobs.every((j) => j.state === "done")) return world.settle();
        if (Date.now() > deadline) throw new Error(`Sweeps still not done after ${timeoutMs} ms.`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async comment(repo, number, body, user) {
      await world.send("issue_comment", github.issueCommentPayload(repo, { number, body, user }));
    },
    installed: () => github.installationPayload(installationId, { action: "created", sender: "mia" }),
    repositoriesAdded() {
      const { repositories, ...rest } = github.installationPayload(installationId, { sender: "mia" });
      return {
        ...rest,
        action: "added",
        repository_selection: "selected",
        repositories_added: repositories,
        repositories_removed: [],
      };
    },
    async editBody(repo, number, body, user) {
      const res = await fetch(`${github.apiUrl}/repos/${repo}/issues/${number}`, {
        method: "PATCH",
        headers: { authorization: `token ${github.userToken(user)}`, "content-type": "application/json" },
        body: JSON.stringify({ body }),
      });
      if (!res.ok)
        throw new Error(`Editing ${repo}#${number} as ${user} failed: ${res.status} ${await res.text()}`);
    },
    writes: () =>
      github.calls
        .filter((c) => c.method !== "GET" && !/^\/app\/installations\/\d+\/access_tokens$/.test(c.path))
        .map((c) => `${c.method} ${c.path}`),
    async stop() {
      for (const app of apps) await app.stop();
      await github.stop();
      await moltbook.stop();
    },
  };
  return world;
}

/** The app's per-key governance issues in a repository, by their hidden marker. */
export function governanceIssues(
  github: GitHubStandIn,
  repo: string,
): Array<Record<string, unknown> & { body: string }> {
  return github
    .issues(repo)
    .filter((i) => typeof i.body === "string" && i.body.includes("moltbook-guard:governance key=")) as Array<
    Record<string, unknown> & { body: string }
  >;
}

/** The dashboard issue of a repository, if any. */
export function dashboardIssue(
  github: GitHubStandIn,
  repo: string,
): (Record<string, unknown> & { body: string; number: number }) | undefined {
  return github
    .issues(repo)
    .find((i) => typeof i.body === "string" && i.body.includes("<!-- moltbook-guard:dashboard -->")) as
    (Record<string, unknown> & { body: string; number: number }) | undefined;
}

export function labelsOf(issue: Record<string, unknown>): string[] {
  return (issue.labels as Array<{ name: string }>).map((l) => l.name).sort();
}

export function assigneesOf(issue: Record<string, unknown>): string[] {
  return (issue.assignees as Array<{ login: string }>).map((a) => a.login);
}
