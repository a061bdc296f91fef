import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fingerprint } from "../../src/detect/index.js";
import { startSimulator, type RunningSimulator } from "../../src/moltbook/index.js";
import { deliver, startGitHubStandIn, type GitHubStandIn } from "../support/github/index.js";
import { appEnv, freePort } from "../support/app/start-test-app.js";
import { startTestWorld, type TestWorld } from "../support/app/test-world.js";
import { waitFor } from "../support/wait-for.js";

const ROOT = resolve(import.meta.dirname, "../..");

describe("Moltbook failing, then recovering", () => {
  let world: TestWorld;
  afterAll(async () => world?.stop());

  it("says revocation failed, keeps retrying in the background, then updates the comment", async () => {
    world = await startTestWorld({ app: { env: { MOLTBOOK_RETRIES: "0" } } });
    const { github, moltbook } = world;
    const live = moltbook.handout.liveKeys[0];
    const repo = await github.createRepo("acme/outage");
    await repo.branch("leak");
    await repo.write("app.py", `API_KEY = "${live.key}"\n`);
    await repo.commit("leak");
    await repo.push();
    const number = await github.openPullRequest({ repo, head: "leak", title: "Leak", user: "dev6" });
    moltbook.faults.set({ outage: { durationMs: 60_000 }, operations: ["POST /keys/revoke"] });

    await world.send("pull_request", await github.pullRequestPayload(repo, number, "opened"), {
      settle: false,
    });
    const failed = await waitFor(
      "the comment",
      () => github.comments(repo, number)[0]?.body as string | undefined,
    );
    expect(failed).toMatch(/could not revoke|failed/i);
    expect(github.checkRuns(repo)[0].conclusion).toBe("failure");
    moltbook.faults.clear();

    const record = moltbook.state.byFingerprint(fingerprint(live.key))!;
    await waitFor(
      "the background retry to revoke the key",
      () => moltbook.state.status(record) === "revoked",
      30_000,
    );
    await waitFor(
      "the comment to say revoked",
      () => !/could not revoke/i.test(String(github.comments(repo, number)[0]?.body)),
      10_000,
    );
    expect(github.comments(repo, number)).toHaveLength(1);
  });
});

describe("a crash mid-job", () => {
  let moltbook: RunningSimulator;
  let github: GitHubStandIn;
  let child: ChildProcess | undefined;
  afterAll(async () => {
    child?.kill("SIGKILL");
    await github?.stop();
    await moltbook?.stop();
  });

  it("resumes the unfinished job after a restart, with no duplicate comment, check run or revocation", async () => {
    moltbook = await startSimulator({ port: 0, keys: 8 });
    github = await startGitHubStandIn();
    const port = await freePort();
    const secret = "crash-test-secret";
    const dir = await mkdtemp(join(tmpdir(), "guard-crash-"));
    const logs: string[] = [];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...appEnv({
        port,
        secret,
        githubHost: github.host,
        moltbookUrl: moltbook.url,
        adminKey: moltbook.handout.adminKey!,
        databaseFile: join(dir, "guard.db"),
      }),
      LOG_LEVEL: "debug",
      LOG_FORMAT: "json" as const,
      JOB_LEASE_SECONDS: "2",
    };
    const start = async (): Promise<ChildProcess> => {
      const proc = spawn(process.execPath, [join(ROOT, "dist/src/server.js")], {
        cwd: dir,
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      proc.stdout!.on("data", (d: Buffer) => logs.push(d.toString()));
      proc.stderr!.on("data", (d: Buffer) => logs.push(d.toString()));
      await waitFor("the app to answer /ping", async () => {
        try {
          return (await fetch(`http://127.0.0.1:${port}/ping`)).ok;
        } catch {
          return false;
        }
      });
      return proc;
    };

    const live = moltbook.handout.liveKeys[0];
    const repo = await github.createRepo("acme/crash");
    await repo.branch("leak");
    await repo.write("main.go", `package main\n\nvar apiKey = "${live.key}"\n`);
    await repo.commit("leak");
    await repo.push();
    const number = await github.openPullRequest({ repo, head: "leak", title: "Leak", user: "dev7" });

    child = await start();
    // Slow GitHub down so the job is still running when the process dies.
    github.latencyMs = 400;
    const callsBefore = github.calls.length;
    expect(
      await deliver(`http://127.0.0.1:${port}`, {
        event: "pull_request",
        payload: await github.pullRequestPayload(repo, number, "opened"),
        secret,
      }),
    ).toBe(200);
    await waitFor("the job to start talking to GitHub", () => github.calls.length > callsBefore, 10_000);
    const crashed = child;
    crashed.kill("SIGKILL");
    await new Promise((r) => crashed.once("exit", r));
    expect(github.comments(repo, number)).toHaveLength(0);
    github.latencyMs = 0;

    child = await start();
    await waitFor("the resumed job to comment", () => github.comments(repo, number).length > 0, 30_000);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(github.comments(repo, number)).toHaveLength(1);
    expect(github.checkRuns(repo)).toHaveLength(1);
    const record = moltbook.state.byFingerprint(fingerprint(live.key))!;
    expect(moltbook.state.status(record)).toBe("revoked");
    const revokes = moltbook.state.calls.filter(
      (c) => c.operation === "POST /keys/revoke" && c.status === 200,
    );
    expect(revokes.length).toBeLessThanOrEqual(2);

    const all = logs.join("");
    expect(all).not.toContain(live.key);
    expect(all).not.toContain(moltbook.handout.adminKey!);
    expect((await readFile(join(dir, "guard.db"))).includes(Buffer.from(live.key))).toBe(false);
  });
});
