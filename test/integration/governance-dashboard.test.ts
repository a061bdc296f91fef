// The dashboard's checkboxes end to end: a tick acts only for someone with write access, and the
// box is unticked afterwards. Real app, Moltbook simulator and GitHub stand-in on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEY_SHAPED } from "../support/moltbook/random-key.js";
import {
  dashboardIssue,
  keySpec,
  startGovernanceWorld,
  type GovernanceWorld,
} from "../governance/support/governance-world.js";

let world: GovernanceWorld;
const REPO = "acme/.github";

beforeAll(async () => {
  world = await startGovernanceWorld({
    keys: [keySpec("key_wide", { scopes: ["*"] }), keySpec("key_spare")],
    permissions: [
      ["acme/api", "alice", "write"],
      [REPO, "mia", "maintain"],
      [REPO, "rex", "read"],
    ],
  });
  await world.send("installation", world.installed());
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

/** Ticks a box on the dashboard as `editor`, then delivers the edit as sent by `sender`. */
async function tick(marker: string, sender: string): Promise<{ number: number; before: string }> {
  const dashboard = dashboardIssue(world.github, REPO)!;
  const before = dashboard.body;
  const line = `- [ ] ${marker}`;
  expect(before).toContain(line);
  await world.editBody(REPO, dashboard.number, before.replace(line, `- [x] ${marker}`), "mia");
  const payload = world.github.issuesPayload(REPO, dashboard.number, "edited", {
    sender,
    changes: { body: { from: before } },
  });
  await world.send("issues", payload);
  return { number: dashboard.number, before };
}

describe("governance dashboard", () => {
  it("lists every key by state, with its issues, the counts and the last sweep", () => {
    const body = dashboardIssue(world.github, REPO)!.body;
    expect(body).toContain("| 0 | 0 | 0 | 1 | 2 | 0 | 0 |");
    expect(body).toMatch(/<!-- moltbook-guard:last-sweep -->Last sweep: \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(body).toMatch(
      /### Over-privileged \(1\)\n\n- \[ \] <!-- revoke:key_wide --> \*\*wide\*\* .* least privilege: wildcard scope · acme\/api#1$/m,
    );
    expect(body).toMatch(/- \[ \] <!-- revoke:key_spare --> \*\*spare\*\*/);
    expect(body).toContain("## Open leak incidents (0)");
    // The app's own key is listed, but offers no "revoke now" box.
    expect(body).toMatch(/^- \*\*moltbook-guard governance\*\* .* · Moltbook Guard's own key$/m);
    expect(body).not.toContain("revoke:key_guard");
  });

  it("does nothing for a reader's tick but untick the box and say why", async () => {
    const spare = world.moltbook.state.byId("key_spare")!;
    const { number, before } = await tick("<!-- revoke:key_spare -->", "rex");
    expect(spare.revoked_at).toBeNull();
    expect(dashboardIssue(world.github, REPO)!.body).toBe(before);
    const reply = world.github.comments(REPO, number).at(-1)!;
    expect(reply.body).toMatch(/^Thanks, @rex\. Only people with write access to this repository can run/);
    const audit = await world.app.services.store.listCommands({ installationId: 1, repo: REPO });
    expect(audit.map((a) => [a.actor, a.command, a.args, a.outcome])).toEqual([
      ["rex", "dashboard:revoke", ["key_spare"], "denied: needs write access"],
    ]);
  }, 60_000);

  it("revokes a key when a maintainer ticks its box, unticks it, and moves the key to the revoked group", async () => {
    const spare = world.moltbook.state.byId("key_spare")!;
    const { number } = await tick("<!-- revoke:key_spare -->", "mia");
    expect(spare.revoked_at).not.toBeNull();
    expect(spare.revoked_reason).toBe("manual");
    const body = dashboardIssue(world.github, REPO)!.body;
    expect(body).not.toContain("- [x]");
    expect(body).toMatch(
      /### Revoked or no longer working \(1\)[\s\S]*- \*\*spare\*\* .* revoked \d{4}-\d\d-\d\d/,
    );
    const reply = world.github.comments(REPO, number).at(-1)!;
    expect(reply.body).toMatch(
      /^@mia, revocation done:\n\n- `moltbook_sk_.{4}…` revoked; it stopped working at once\.$/,
    );
    const audit = await world.app.services.store.listCommands({ installationId: 1, repo: REPO });
    expect(audit.at(-1)).toMatchObject({
      actor: "mia",
      command: "dashboard:revoke",
      outcome: "applied: revoked",
    });
  }, 60_000);

  it("snoozes new governance issues from the dashboard, and the dashboard says until when", async () => {
    await tick("<!-- snooze:7d -->", "mia");
    const body = dashboardIssue(world.github, REPO)!.body;
    expect(body).toMatch(
      /- \[ \] <!-- unsnooze --> End the snooze \(new governance issues are paused until \d{4}-\d\d-\d\d\)/,
    );
    // A key going out of policy while snoozed gets no issue.
    world.moltbook.state.byId("key_guard")!.ip_allowlist = [];
    await world.comment(REPO, dashboardIssue(world.github, REPO)!.number, "/moltbook-guard sweep", "mia");
    expect(
      world.github.issues(REPO).filter((i) => String(i.title).includes("moltbook-guard governance")),
    ).toEqual([]);
  }, 60_000);

  it("never writes a key anywhere", () => {
    expect(world.github.textWritten()).not.toMatch(KEY_SHAPED);
    expect(world.logs.join("\n")).not.toMatch(KEY_SHAPED);
  });
});
