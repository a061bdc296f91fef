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
    expect(runs[0].annotations).toMatchObject([{ path: "src/client.js", start_line: 1 }]);
    const reviews = github.reviews(repo, number);
    expect(reviews).toHaveLength(1);
    expect(JSON.stringify(reviews[0])).toContain("process.env.");
    expect(JSON.stringify(reviews[0])).toContain("```suggestion");

    // The same delivery again changes nothing.
    await world.send("pull_request", await github.pullRequestPayload(repo, number, "opened"));
    expect(github.comments(repo, number)).toHaveLength(1);
    expect(github.checkRuns(repo)).toHaveLength(1);
    expect(github.textWritten()).not.toContain(live.key);

    // "Re-run" on the check run scans again and edits the same run and comment.
    const runId = Number(github.checkRuns(repo)[0].id);
    const scansBefore = github.calls.filter((c) => /\/pulls\/\d+\/files$/.test(c.path)).length;
    await world.send("check_run", github.checkRunRerequestedPayload(repo, runId));
    expect(github.calls.filter((c) => /\/pulls\/\d+\/files$/.test(c.path)).length).toBeGreaterThan(
      scansBefore,
    );
    expect(github.checkRuns(repo)).toHaveLength(1);
    expect(github.comments(repo, number)).toHaveLength(1);
  });
});
