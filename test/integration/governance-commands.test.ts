// `/moltbook-guard` commands end to end: permission, where each applies, what it does, the reply
// and the audit trail. Real app, Moltbook simulator and GitHub stand-in on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { incidentMarker } from "../../src/act/render/index.js";
import { fingerprint, redact } from "../../src/detect/index.js";
import { KEY_SHAPED, randomKey } from "../support/moltbook/random-key.js";
import {
  dashboardIssue,
  governanceIssues,
  keySpec,
  startGovernanceWorld,
  type GovernanceWorld,
  type KeySpec,
} from "../governance/support/governance-world.js";

let world: GovernanceWorld;
let pr: number;
let incidentIssue: number;
const leaky: KeySpec = keySpec("key_leaky");
const foreign = randomKey();

beforeAll(async () => {
  world = await startGovernanceWorld({
    keys: [keySpec("key_wide", { scopes: ["*"] }), leaky],
    permissions: [
      ["acme/api", "alice", "write"],
      ["acme/api", "rex", "read"],
      ["acme/.github", "mia", "admin"],
    ],
  });
  const api = world.github.repo("acme/api");
  // Automatic revocation is off here, so `revoke` has work to do.
  await api.write(".github/moltbook-guard.yml", "revocation:\n  public: report\n  private: report\n");
  await api.commit("config");
  await api.push("main");
  await api.branch("feature");
  await api.write("notes.md", "nothing secret\n");
  await api.commit("notes");
  await api.push("feature");
  pr = await world.github.openPullRequest({
    repo: "acme/api",
    head: "feature",
    title: "Notes",
    user: "alice",
  });
  await world.send("installation", world.installed());

  // What the scan pipeline records for a leak in the pull request, and for a pushed leak with its issue.
  const { store } = world.app.services;
  await store.upsertIncident({
    installationId: 1,
    fingerprint: fingerprint(leaky.key!),
    kind: "moltbook_api_key",
    redacted: redact(leaky.key!),
    state: "active_report_only",
  });
  await store.recordSighting({
    installationId: 1,
    fingerprint: fingerprint(leaky.key!),
    repo: "acme/api",
    path: "notes.md",
    line: 1,
    column: 1,
    encoding: "plain",
    source: "pull_request",
    prNumber: pr,
  });
  await store.upsertIncident({
    installationId: 1,
    fingerprint: fingerprint(foreign),
    kind: "moltbook_api_key",
    redacted: redact(foreign),
    state: "reported",
  });
  const res = await fetch(`${world.github.apiUrl}/repos/acme/api/issues`, {
    method: "POST",
    headers: {
      authorization: `token ${world.github.installationToken(1)}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({
      title: `Leaked Moltbook API key ${redact(foreign)}`,
      body: `${incidentMarker(fingerprint(foreign))}\nA key was pushed.`,
      labels: ["moltbook-guard", "leaked-key"],
    }),
  });
  incidentIssue = ((await res.json()) as { number: number }).number;
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

const lastReply = (repo: string, number: number) => String(world.github.comments(repo, number).at(-1)?.body);
const wideIssue = () =>
  governanceIssues(world.github, "acme/api").find((i) => String(i.title).includes('"wide"'))!;

describe("commands", () => {
  it("answers help to anyone", async () => {
    await world.comment("acme/api", pr, "/moltbook-guard help", "rex");
    expect(lastReply("acme/api", pr)).toMatch(/^\*\*Moltbook Guard commands\.\*\*/);
  }, 30_000);

  it("politely refuses everything else to people without write access", async () => {
    const dashboard = dashboardIssue(world.github, "acme/.github")!.number;
    await world.comment("acme/.github", dashboard, "/moltbook-guard sweep", "rex");
    expect(lastReply("acme/.github", dashboard)).toMatch(/^Thanks, @rex\. Only people with write access/);
    expect(await world.app.services.store.listJobs({ kind: "governance_sweep" })).toHaveLength(1);
  }, 30_000);

  it("revokes a pull request's leaked key when automatic revocation is off, and scans it again", async () => {
    await world.comment("acme/api", pr, "/moltbook-guard revoke", "alice");
    const key = world.moltbook.state.byId("key_leaky")!;
    expect([key.revoked_at !== null, key.revoked_reason]).toEqual([true, "leaked"]);
    const replies = world.github.comments("acme/api", pr).map((c) => String(c.body));
    expect(replies).toContain(
      `@alice, revocation done:\n\n- \`${redact(leaky.key!)}\` revoked; it stopped working at once.`,
    );
    expect((await world.app.services.store.getIncident(1, fingerprint(leaky.key!)))?.state).toBe("revoked");
    const rescans = await world.app.services.store.listJobs({ kind: "scan_pull_request" });
    expect(rescans.map((j) => j.dedupeKey)).toContainEqual(
      expect.stringMatching(new RegExp(`^rescan:acme/api#${pr}:`)),
    );
  }, 60_000);

  it("ignores a leak incident as a false positive, with who and why, and closes its issue", async () => {
    await world.comment(
      "acme/api",
      incidentIssue,
      "/moltbook-guard ignore test fixture, never a real key",
      "alice",
    );
    const ignored = await world.app.services.store.findIgnoredFingerprint(
      1,
      "acme/api",
      fingerprint(foreign),
    );
    expect(ignored).toMatchObject({ reason: "test fixture, never a real key", ignoredBy: "alice" });
    expect((await world.app.services.store.getIncident(1, fingerprint(foreign)))?.state).toBe("ignored");
    const issue = world.github.issues("acme/api").find((i) => i.number === incidentIssue)!;
    expect([issue.state, issue.state_reason]).toEqual(["closed", "not_planned"]);
    expect(lastReply("acme/api", incidentIssue)).toMatch(
      /^@alice, this leak is marked as ignored, with the reason: test fixture, never a real key\./,
    );
  }, 30_000);

  it("snoozes a governance issue: closed until then, not reopened by a sweep", async () => {
    const issue = wideIssue();
    await world.comment(
      "acme/api",
      Number(issue.number),
      "/moltbook-guard snooze 2w waiting for the vendor",
      "alice",
    );
    expect([wideIssue().state, wideIssue().state_reason]).toEqual(["closed", "not_planned"]);
    expect(lastReply("acme/api", Number(issue.number))).toMatch(
      /^@alice, snoozed until \d{4}-\d\d-\d\d \d\d:\d\d UTC \(reason: waiting for the vendor\)\./,
    );
    const row = await world.app.services.store.getGovernanceIssue(1, "key_wide", "least_privilege");
    expect(row?.snoozedUntil!.getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);

    const dashboard = dashboardIssue(world.github, "acme/.github")!.number;
    await world.comment("acme/.github", dashboard, "/moltbook-guard sweep", "mia");
    expect(wideIssue().state).toBe("closed");
    expect(dashboardIssue(world.github, "acme/.github")!.body).toMatch(
      /\*\*wide\*\* .* snoozed until \d{4}-\d\d-\d\d/,
    );
  }, 60_000);

  it("explains a command it cannot read, or one that does not apply where it was written", async () => {
    const n = Number(wideIssue().number);
    await world.comment("acme/api", n, "/moltbook-guard snooze forever", "alice");
    expect(lastReply("acme/api", n)).toMatch(
      /^@alice, I could not read that command\. `snooze` needs a duration/,
    );
    await world.comment("acme/api", n, "/moltbook-guard ignore not mine", "alice");
    expect(lastReply("acme/api", n)).toMatch(
      /^@alice, `\/moltbook-guard ignore` does nothing here: it works on pull requests, leak incidents/,
    );
  }, 30_000);

  it("ignores the app's own comments, and keeps an audit trail of every command", async () => {
    const before = world.github.comments("acme/api", pr).length;
    await world.comment("acme/api", pr, "/moltbook-guard rescan", world.github.botLogin);
    expect(world.github.comments("acme/api", pr)).toHaveLength(before + 1);
    const audit = await world.app.services.store.listCommands({ installationId: 1 });
    expect(audit.map((a) => [a.actor, a.command, a.outcome.split(":")[0]])).toEqual([
      ["rex", "help", "applied"],
      ["rex", "sweep", "denied"],
      ["alice", "revoke", "applied"],
      ["alice", "ignore", "applied"],
      ["alice", "snooze", "applied"],
      ["mia", "sweep", "applied"],
      ["alice", "invalid", "invalid"],
      ["alice", "ignore", "unavailable"],
    ]);
    expect(world.github.textWritten()).not.toMatch(KEY_SHAPED);
    expect(world.logs.join("\n")).not.toMatch(KEY_SHAPED);
  }, 30_000);
});
