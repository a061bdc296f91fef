// Governance sweeps end to end: the real app (Probot `run`) against the Moltbook simulator and the
// GitHub stand-in, over real HTTP on 127.0.0.1. Probot's Octokit spaces issue creations 3 s apart
// per installation, so the inventory is small: one key per situation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint, redact } from "../../src/detect/index.js";
import { escapeMarkdown } from "../../src/report/markdown.js";
import { KEY_SHAPED, randomKey } from "../support/moltbook/random-key.js";
import {
  assigneesOf,
  dashboardIssue,
  governanceIssues,
  keySpec,
  labelsOf,
  startGovernanceWorld,
  type GovernanceWorld,
} from "../governance/support/governance-world.js";

let world: GovernanceWorld;

beforeAll(async () => {
  world = await startGovernanceWorld({
    keys: [
      // Too old: rotation overdue, filed in its project (the app is installed there), for alice.
      keySpec("key_aged", { created: -120, expires: 30 }),
      // Its replacement: a sub-key, healthy.
      keySpec("key_aged_next", { parent_id: "key_aged", created: -1, expires: 80 }),
      // Expires in 5 days: due soon. Its project has no installation: the governance repo gets it;
      // bob cannot be assigned there.
      keySpec("key_expiring", {
        created: -80,
        expires: 5,
        project: "acme/web",
        owner: { email: null, github_login: "bob" },
      }),
      // A wildcard scope: least privilege.
      keySpec("key_wide", { scopes: ["*"] }),
      keySpec("key_healthy"),
    ],
    permissions: [
      ["acme/api", "alice", "write"],
      ["acme/.github", "mia", "admin"],
    ],
  });
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

function summary(repo: string) {
  return governanceIssues(world.github, repo)
    .map((i) => ({ title: i.title, state: i.state, labels: labelsOf(i), assignees: assigneesOf(i) }))
    .sort((a, b) => String(a.title).localeCompare(String(b.title)));
}

function sweepNow(): Promise<void> {
  const dashboard = dashboardIssue(world.github, "acme/.github")!;
  return world.comment("acme/.github", dashboard.number, "/moltbook-guard sweep", "mia");
}

describe("governance sweep", () => {
  it("files one issue per key and kind where the key belongs, and a dashboard, when the app is installed", async () => {
    // The first creation in acme/api fails: the sweep finishes the rest, fails, and its retry
    // files only what is missing.
    const fault = world.github.fail({
      method: "POST",
      path: /^\/repos\/acme\/api\/issues$/,
      status: 422,
      times: 1,
    });
    expect(await world.send("installation", world.installed(), { settle: false })).toBe(200);
    await world.sweepsDone();
    expect(fault.hits).toBe(1);
    const [job] = await world.app.services.store.listJobs({ kind: "governance_sweep" });
    expect([job.state, job.attempts]).toEqual(["done", 1]);

    expect(summary("acme/api")).toEqual([
      {
        title:
          'Moltbook key "aged" (moltbook_sk_' +
          world.moltbook.state.byId("key_aged")!.prefix.slice(12) +
          "…): rotation overdue",
        state: "open",
        labels: ["key-rotation", "moltbook-guard", "rotation-overdue", "severity:medium"],
        assignees: ["alice"],
      },
      {
        title: expect.stringMatching(
          /^Moltbook key "wide" \(moltbook_sk_.{4}…\): least privilege: wildcard scope$/,
        ),
        state: "open",
        labels: ["least-privilege", "moltbook-guard", "severity:high"],
        assignees: ["alice"],
      },
    ]);
    expect(summary("acme/.github")).toEqual([
      {
        title: expect.stringMatching(/^Moltbook key "expiring" .*: rotation due soon$/),
        state: "open",
        labels: ["key-rotation", "moltbook-guard", "rotation-due-soon", "severity:low"],
        assignees: [],
      },
    ]);
    const dashboard = dashboardIssue(world.github, "acme/.github")!;
    expect(dashboard).toBeDefined();
    expect(labelsOf(dashboard)).toEqual(["dashboard", "moltbook-guard"]);
    const installation = await world.app.services.store.getInstallation(world.installationId);
    expect(installation?.accountLogin).toBe("acme");
    expect(installation?.lastSweepAt).not.toBeNull();
  }, 60_000);

  it("makes no writes when nothing changed, and never files an issue twice across three sweeps", async () => {
    world.github.resetCalls();
    await world.send("installation_repositories", world.repositoriesAdded());
    expect(world.writes()).toEqual([]);

    const dashboard = dashboardIssue(world.github, "acme/.github")!;
    await sweepNow();
    // The command's answer is the only write: the sweep it started changed nothing.
    expect(world.writes()).toEqual([`POST /repos/acme/.github/issues/${dashboard.number}/comments`]);
    const jobs = await world.app.services.store.listJobs({ kind: "governance_sweep" });
    expect(jobs.map((j) => j.state)).toEqual(["done", "done", "done"]);

    expect(governanceIssues(world.github, "acme/api")).toHaveLength(2);
    expect(governanceIssues(world.github, "acme/.github")).toHaveLength(1);
    expect(
      world.github.issues("acme/.github").filter((i) => String(i.body).includes("moltbook-guard:dashboard")),
    ).toHaveLength(1);
  }, 60_000);

  it("closes an issue with a comment when its key is rotated or fixed, and reopens it when the key falls out of policy again", async () => {
    const aged = world.moltbook.state.byId("key_aged")!;
    world.moltbook.state.revoke(aged.fingerprint, "manual");
    const wide = world.moltbook.state.byId("key_wide")!;
    wide.scopes = ["posts:write"];
    // A leak incident, as the scan pipeline records one, for the dashboard.
    const leaked = randomKey();
    const { store } = world.app.services;
    await store.upsertIncident({
      installationId: 1,
      fingerprint: fingerprint(leaked),
      kind: "moltbook_api_key",
      redacted: redact(leaked),
    });
    await store.recordSighting({
      installationId: 1,
      fingerprint: fingerprint(leaked),
      repo: "acme/api",
      path: "config/prod.env",
      line: 3,
      column: 1,
      encoding: "plain",
      source: "pull_request",
      prNumber: 7,
    });
    await sweepNow();

    const byTitle = (word: string) =>
      governanceIssues(world.github, "acme/api").find((i) => String(i.title).includes(word))!;
    const agedIssue = byTitle('"aged"');
    const wideIssue = byTitle('"wide"');
    expect([agedIssue.state, agedIssue.state_reason, wideIssue.state]).toEqual([
      "closed",
      "completed",
      "closed",
    ]);
    const lastComment = (n: unknown) => String(world.github.comments("acme/api", Number(n)).at(-1)?.body);
    expect(lastComment(agedIssue.number)).toMatch(
      /^Closing: \*\*aged\*\* .* was rotated: a new key replaced it/,
    );
    expect(lastComment(wideIssue.number)).toMatch(/it now meets the least-privilege policy/);

    const dashboard = dashboardIssue(world.github, "acme/.github")!;
    expect(dashboard.body).toContain("| 0 | 0 | 1 | 0 | 4 | 1 | 1 |");
    expect(dashboard.body).toContain(`acme/api#7 ${escapeMarkdown(`Leaked key ${redact(leaked)} (found)`)}`);
    expect(dashboard.body).toMatch(/### Revoked or no longer working \(1\)[\s\S]*\*\*aged\*\*/);
    expect(dashboard.body).toMatch(
      /### Rotation due soon \(1\)\n\n- \[ \] <!-- revoke:key_expiring --> \*\*expiring\*\* .*· #\d+$/m,
    );

    wide.scopes = ["*"];
    await sweepNow();
    const reopened = byTitle('"wide"');
    expect([reopened.state, reopened.number]).toEqual(["open", wideIssue.number]);
    expect(lastComment(reopened.number)).toMatch(
      /^Reopening: \*\*wide\*\* .* is out of policy again \(least privilege: wildcard scope\)/,
    );
    expect(governanceIssues(world.github, "acme/api")).toHaveLength(2);
  }, 60_000);

  it("rewrites an open issue when its facts change, keeping the labels people added", async () => {
    const issue = governanceIssues(world.github, "acme/.github")[0];
    const res = await fetch(
      `${world.github.apiUrl}/repos/acme/.github/issues/${String(issue.number)}/labels`,
      {
        method: "POST",
        headers: {
          authorization: `token ${world.github.userToken("mia")}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({ labels: ["team-payments"] }),
      },
    );
    expect(res.status).toBe(200);
    world.moltbook.state.byId("key_expiring")!.purpose = "Charges customers";
    const comments = world.github.comments("acme/.github", Number(issue.number)).length;
    await sweepNow();

    const updated = governanceIssues(world.github, "acme/.github")[0];
    expect(updated.number).toBe(issue.number);
    expect(updated.body).toContain("| Purpose | Charges customers |");
    expect(labelsOf(updated)).toEqual([
      "key-rotation",
      "moltbook-guard",
      "rotation-due-soon",
      "severity:low",
      "team-payments",
    ]);
    expect(world.github.comments("acme/.github", Number(issue.number))).toHaveLength(comments);
    expect(governanceIssues(world.github, "acme/.github")).toHaveLength(1);
  }, 60_000);

  it("never writes a key anywhere", () => {
    expect(world.github.textWritten()).not.toMatch(KEY_SHAPED);
    expect(world.logs.join("\n")).not.toMatch(KEY_SHAPED);
  });
});
