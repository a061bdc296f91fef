import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint } from "../../src/detect/index.js";
import { startTestWorld, type TestWorld } from "../support/app/test-world.js";

describe("a pull request that leaks a live org key", () => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await startTestWorld();
  });
  afterAll(async () => world?.stop());

  it("revokes it, then comments once, annotates the line and suggests the fix", async () => {
    const { github, moltbook } = world;
    const live = moltbook.handout.liveKeys[0];
    const repo = await github.createRepo("acme/widgets", { private: false });
    await repo.branch("feature");
    await repo.write("src/client.js", `const client = new Moltbook({ apiKey: "${live.key}" });\n`);
    await repo.commit("add client");
    await repo.push();
    const number = await github.openPullRequest({ repo, head: "feature", title: "Add client", user: "dev1" });

    expect(await world.send("pull_request", await github.pullRequestPayload(repo, number, "opened"))).toBe(
      200,
    );

    const fp = fingerprint(live.key);
    const record = moltbook.state.byFingerprint(fp);
    expect(record && moltbook.state.status(record)).toBe("revoked");
    const comments = github.comments(repo, number);
    expect(comments).toHaveLength(1);
    const body = String(comments[0].body);
    expect(body).toContain("moltbook-guard:pr-comment");
    expect(body).not.toContain(live.key);
    const runs = github.checkRuns(repo);
    expect(runs).toHaveLength(1);
    expect(runs[0].conclusion).toBe("failure");

    // The same delivery again changes nothing.
    await world.send("pull_request", await github.pullRequestPayload(repo, number, "opened"));
    expect(github.comments(repo, number)).toHaveLength(1);
    expect(github.checkRuns(repo)).toHaveLength(1);
    expect(github.textWritten()).not.toContain(live.key);
  });
});
