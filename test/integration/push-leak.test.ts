import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint } from "../../src/detect/index.js";
import { startTestWorld, type TestWorld } from "../support/app/test-world.js";

describe("pushes", () => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await startTestWorld();
  });
  afterAll(async () => world?.stop());

  it("a key added in one commit and removed in the next is revoked and gets one incident issue", async () => {
    const { github, moltbook } = world;
    const live = moltbook.handout.liveKeys[1];
    const repo = await github.createRepo("acme/direct", { private: true });
    await repo.write("config/settings.py", `MOLTBOOK_KEY = "${live.key}"\n`);
    await repo.commit("add settings", { author: "dev2" });
    await repo.write("config/settings.py", `import os\nMOLTBOOK_KEY = os.environ["MOLTBOOK_KEY"]\n`);
    await repo.commit("oops, use env", { author: "dev2" });
    const push = await repo.push();
    const payload = await github.pushPayload(repo, { ...push, pusher: "dev2" });

    expect(await world.send("push", payload)).toBe(200);

    const record = moltbook.state.byFingerprint(fingerprint(live.key))!;
    expect(moltbook.state.status(record)).toBe("revoked");
    const issues = github.issues(repo);
    expect(issues).toHaveLength(1);
    expect(String(issues[0].body)).toContain("@dev2");
    expect(String(issues[0].title)).toContain(live.key.slice(12, 16));
    expect(github.textWritten()).not.toContain(live.key);

    // A later push of the same key updates that issue instead of opening another.
    await repo.write("scripts/run.sh", `export MOLTBOOK_KEY=${live.key}\n`);
    await repo.commit("script", { author: "dev2" });
    const again = await repo.push();
    await world.send("push", await github.pushPayload(repo, { ...again, pusher: "dev2" }));
    const after = github.issues(repo);
    expect(after).toHaveLength(1);
    expect(String(after[0].body)).toContain("scripts/run.sh");
  });

  it("placeholders only: no revocation, no issue, a green check", async () => {
    const { github, moltbook } = world;
    const repo = await github.createRepo("acme/docs", { private: false });
    const prefix = ["moltbook", "sk", ""].join("_");
    await repo.write(
      "docs/setup.md",
      [
        `export MOLTBOOK_API_KEY=${prefix}${"x".repeat(32)}`,
        `Use ${prefix}... or ${prefix}YOUR_KEY_HERE in examples.`,
        `Authorization: Bearer ${prefix}<your-key>`,
        "",
      ].join("\n"),
    );
    await repo.commit("docs");
    const push = await repo.push();
    const before = moltbook.state.calls.length;
    await world.send("push", await github.pushPayload(repo, { ...push, pusher: "writer" }));
    expect(moltbook.state.calls.slice(before).filter((c) => c.operation.includes("revoke"))).toHaveLength(0);
    expect(github.issues(repo)).toHaveLength(0);
    const runs = github.checkRuns(repo);
    expect(runs).toHaveLength(1);
    expect(runs[0].conclusion).toBe("success");
  });

  it("a key outside the org's inventory is reported through /credentials/revoke", async () => {
    const { github, moltbook } = world;
    const foreign = moltbook.handout.foreignKeys[0];
    const repo = await github.createRepo("acme/foreign", { private: false });
    await repo.write(".env", `MOLTBOOK_API_KEY=${foreign}\n`);
    await repo.commit("env");
    const push = await repo.push();
    const before = moltbook.state.calls.length;
    await world.send("push", await github.pushPayload(repo, { ...push, pusher: "dev3" }));
    const ops = moltbook.state.calls.slice(before).map((c) => c.operation);
    expect(ops).toContain("POST /keys/revoke");
    expect(ops).toContain("POST /credentials/revoke");
    expect(moltbook.state.foreign.get(fingerprint(foreign))?.revoked_at).not.toBeNull();
    expect(github.issues(repo)).toHaveLength(1);
  });

  it("follows the organisation's .github config and its _extends: report-only looks the key up and leaves it active", async () => {
    const { github, moltbook } = world;
    const live = moltbook.handout.liveKeys[2];
    const org = await github.createRepo("acme/.github", { private: true });
    await org.write(".github/moltbook-guard.yml", "_extends: policies:.github/shared-guard.yml\n");
    await org.commit("org config");
    await org.push();
    const shared = await github.createRepo("acme/policies", { private: true });
    await shared.write(".github/shared-guard.yml", "revocation:\n  private: report\n");
    await shared.commit("shared policy");
    await shared.push();
    const repo = await github.createRepo("acme/reporting", { private: true });
    await repo.write("main.rb", `client = Moltbook::Client.new(api_key: "${live.key}")\n`);
    await repo.commit("client");
    const push = await repo.push();
    const before = moltbook.state.calls.length;
    await world.send("push", await github.pushPayload(repo, { ...push, pusher: "dev8" }));
    const ops = moltbook.state.calls.slice(before).map((c) => c.operation);
    expect(ops).toContain("POST /keys/lookup");
    expect(ops).not.toContain("POST /keys/revoke");
    expect(moltbook.state.status(moltbook.state.byFingerprint(fingerprint(live.key))!)).toBe("active");
    expect(github.checkRuns(repo)[0].conclusion).toBe("failure");
    expect(String(github.issues(repo)[0].body)).toMatch(/still active|still works/i);
  });
});
