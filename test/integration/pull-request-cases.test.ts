import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint } from "../../src/detect/index.js";
import { deliver } from "../support/github/index.js";
import { startTestWorld, type TestWorld } from "../support/app/test-world.js";

describe("pull requests", () => {
  let world: TestWorld;
  const rawKeys: string[] = [];
  beforeAll(async () => {
    world = await startTestWorld({ simulator: { keys: 20 } });
    rawKeys.push(world.moltbook.handout.adminKey!, ...world.moltbook.handout.liveKeys.map((k) => k.key));
  });
  afterAll(async () => world?.stop());

  const isRevoked = (key: string) => {
    const record = world.moltbook.state.byFingerprint(fingerprint(key));
    return record !== undefined && world.moltbook.state.status(record) === "revoked";
  };

  it("finds base64 and percent-encoded keys, and a PR cannot switch off its own scan", async () => {
    const { github, moltbook } = world;
    const [a, b] = moltbook.handout.liveKeys.slice(2, 4);
    const repo = await github.createRepo("acme/encoded", { private: true });
    await repo.branch("sneaky");
    await repo.writeFiles({
      ".github/moltbook-guard.yml": "revocation:\n  public: off\n  private: off\npaths_ignore:\n  - '**'\n",
      "k8s/secret.yaml": `apiVersion: v1\nkind: Secret\ndata:\n  api-key: ${Buffer.from(a.key).toString("base64")}\n`,
      "scripts/call.sh": `curl "https://example.test/hook?key=${encodeURIComponent(a.key.slice(0, 12)).replace("_", "%5F")}${b.key.slice(12)}"\n`,
    });
    await repo.commit("deploy");
    await repo.push();
    const number = await github.openPullRequest({ repo, head: "sneaky", title: "Deploy", user: "dev4" });
    await world.send("pull_request", await github.pullRequestPayload(repo, number, "opened"));
    expect(isRevoked(a.key)).toBe(true);
    expect(isRevoked(b.key)).toBe(true);
    const run = github.checkRuns(repo)[0];
    expect(run.conclusion).toBe("failure");
    const paths = (run.annotations as { path: string }[]).map((x) => x.path).sort();
    expect(paths).toEqual(["k8s/secret.yaml", "scripts/call.sh"]);
  });

  it("refuses a forged signature and records nothing", async () => {
    const { github } = world;
    const repo = await github.createRepo("acme/forged");
    const jobsBefore = (await world.app.services.store.listJobs()).length;
    const payload = await github.pullRequestPayload(repo, 1, "opened").catch(() => ({ action: "opened" }));
    const status = await deliver(world.app.url, {
      event: "pull_request",
      payload,
      secret: world.app.secret,
      forgeSignature: true,
    });
    expect(status).toBe(400);
    expect((await world.app.services.store.listJobs()).length).toBe(jobsBefore);
  });

  it("scans a 400-file pull request through every page and updates one comment as the key is removed", async () => {
    const { github, moltbook } = world;
    const live = moltbook.handout.liveKeys[4];
    const repo = await github.createRepo("acme/big");
    await repo.branch("bulk");
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++)
      files[`gen/file-${String(i).padStart(3, "0")}.ts`] = `export const n${i} = ${i};\n`;
    files["gen/file-399.ts"] = `export const key = "${live.key}";\n`;
    await repo.writeFiles(files);
    await repo.commit("generate");
    await repo.push();
    const number = await github.openPullRequest({ repo, head: "bulk", title: "Generated", user: "dev5" });
    await world.send("pull_request", await github.pullRequestPayload(repo, number, "opened"));
    expect(isRevoked(live.key)).toBe(true);
    const listed = github.calls.filter((c) => c.method === "GET" && /\/pulls\/\d+\/files$/.test(c.path));
    expect(listed.length).toBeGreaterThanOrEqual(4);
    expect(github.reviews(repo, number).length).toBe(1);

    // The author removes the literal: the same comment turns to resolved and the check goes green.
    await repo.write("gen/file-399.ts", `export const key = process.env.MOLTBOOK_API_KEY;\n`);
    await repo.commit("read the key from the environment");
    const push = await repo.push();
    await world.send("pull_request", await github.pullRequestPayload(repo, number, "synchronize"));
    await world.send("push", await github.pushPayload(repo, { ...push, pusher: "dev5" }));
    const comments = github.comments(repo, number);
    expect(comments).toHaveLength(1);
    expect(String(comments[0].body)).toMatch(/resolved/i);
    const runs = github.checkRuns(repo);
    expect(runs.at(-1)?.conclusion).toBe("success");
  });

  it("never writes a raw key to GitHub, a log line or the database", async () => {
    const written = world.github.textWritten();
    const logs = world.logLines.join("\n");
    const db = await readFile(world.app.databaseFile);
    for (const key of rawKeys) {
      expect(written.includes(key)).toBe(false);
      expect(logs.includes(key)).toBe(false);
      expect(db.includes(Buffer.from(key))).toBe(false);
    }
    expect(world.logLines.length).toBeGreaterThan(10);
  });
});
