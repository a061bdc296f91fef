// Two app instances sharing one SQLite file sweep the same installation at once; then an instance
// with a fresh (lost) database sweeps. Nothing is filed twice, and the lost store costs no write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliver } from "../support/github/index.js";
import { startTestApp, settle, type TestApp } from "../support/app/start-test-app.js";
import {
  dashboardIssue,
  governanceIssues,
  keySpec,
  startGovernanceWorld,
  type GovernanceWorld,
} from "../governance/support/governance-world.js";

let world: GovernanceWorld;
let fresh: TestApp | undefined;

beforeAll(async () => {
  world = await startGovernanceWorld({
    instances: 2,
    keys: [
      keySpec("key_aged", { created: -120, expires: 30 }),
      keySpec("key_wide", { scopes: ["*"] }),
      keySpec("key_fine"),
    ],
    permissions: [["acme/api", "alice", "write"]],
  });
}, 60_000);

afterAll(async () => {
  await fresh?.stop();
  await world?.stop();
});

describe("two instances", () => {
  it("sweeping one installation at once open nothing twice", async () => {
    const [a, b] = world.apps;
    // Two triggers at the same moment, one to each instance: two sweep jobs, one lease.
    const statuses = await Promise.all([
      world.send("installation", world.installed(), { app: a, settle: false }),
      world.send("installation_repositories", world.repositoriesAdded(), { app: b, settle: false }),
    ]);
    expect(statuses).toEqual([200, 200]);
    await world.settle();

    expect(
      governanceIssues(world.github, "acme/api")
        .map((i) => i.title)
        .sort(),
    ).toEqual([
      expect.stringMatching(/^Moltbook key "aged" .*: rotation overdue$/),
      expect.stringMatching(/^Moltbook key "wide" .*: least privilege: wildcard scope$/),
    ]);
    expect(world.github.callsTo("POST", /^\/repos\/[^/]+\/[^/]+\/issues$/)).toHaveLength(3);
    expect(dashboardIssue(world.github, "acme/.github")).toBeDefined();
    const jobs = await a.services.store.listJobs({ kind: "governance_sweep" });
    // The second sweep either found the work done, or found the lease held and deferred itself.
    expect(jobs.filter((j) => j.state === "done")).toHaveLength(2);
  }, 60_000);

  it("an instance that lost its database finds its issues again by label and marker, and writes nothing", async () => {
    fresh = await startTestApp({
      githubHost: world.github.host,
      moltbookUrl: world.moltbook.url,
      adminKey: world.moltbook.handout.adminKey!,
      env: { SWEEP_SCHEDULER: "off" },
    });
    world.github.resetCalls();
    expect(
      await deliver(fresh.url, {
        event: "installation_repositories",
        payload: world.repositoriesAdded(),
        secret: fresh.secret,
      }),
    ).toBe(200);
    await settle(fresh.services, 50_000);
    expect(world.writes()).toEqual([]);
    const rows = await fresh.services.store.listGovernanceIssues(1);
    expect(rows.map((r) => [r.keyId, r.kind, r.repo, r.state])).toEqual([
      ["key_aged", "rotation", "acme/api", "open"],
      ["key_wide", "least_privilege", "acme/api", "open"],
    ]);

    // It closes what it adopted when the key is fixed.
    world.moltbook.state.byId("key_wide")!.scopes = ["posts:write"];
    await deliver(fresh.url, {
      event: "installation_repositories",
      payload: world.repositoriesAdded(),
      secret: fresh.secret,
    });
    await settle(fresh.services, 50_000);
    const wide = governanceIssues(world.github, "acme/api").find((i) => String(i.title).includes('"wide"'))!;
    expect(wide.state).toBe("closed");
    expect(governanceIssues(world.github, "acme/api")).toHaveLength(2);
  }, 60_000);
});
