import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitHubStandIn, type GitHubStandIn, type RepoHandle } from "../../support/github/index.js";
import { restClient } from "./rest-client.js";

let standIn: GitHubStandIn;
let repo: RepoHandle;
beforeAll(async () => {
  standIn = await startGitHubStandIn({ appSlug: "moltbook-guard" });
  repo = await standIn.createRepo("acme/issues");
  standIn.setPermission(repo, "owner-dev", "write");
});
afterAll(async () => {
  await standIn?.stop();
});

describe("issues, labels, assignees and comments", () => {
  it("creates, updates and lists issues by label; the app's issues are by its bot", async () => {
    const octokit = restClient(standIn);
    const { data: created } = await octokit.rest.issues.create({
      ...repo.ref,
      title: "Leaked key in src/app.ts",
      body: "redacted form only",
      labels: ["moltbook-guard", "leak"],
      assignees: ["owner-dev"],
    });
    expect(created).toMatchObject({
      number: 1,
      state: "open",
      user: { login: "moltbook-guard[bot]", type: "Bot" },
      labels: [{ name: "moltbook-guard" }, { name: "leak" }],
      assignees: [{ login: "owner-dev" }],
    });
    await octokit.rest.issues.create({
      ...repo.ref,
      title: "Dashboard",
      labels: ["moltbook-guard", "dashboard"],
    });
    const human = standIn.openIssue(repo, {
      title: "Question",
      body: "hello",
      user: "visitor",
      labels: ["leak"],
    });

    const byLabel = await octokit.rest.issues.listForRepo({ ...repo.ref, labels: "moltbook-guard,leak" });
    expect(byLabel.data.map((i) => i.number)).toEqual([1]);
    const guard = await octokit.rest.issues.listForRepo({
      ...repo.ref,
      labels: "moltbook-guard",
      creator: "moltbook-guard[bot]",
    });
    expect(guard.data.map((i) => i.title)).toEqual(["Dashboard", "Leaked key in src/app.ts"]);

    const { data: closed } = await octokit.rest.issues.update({
      ...repo.ref,
      issue_number: 1,
      state: "closed",
      state_reason: "completed",
      title: "Leaked key in src/app.ts (revoked)",
      labels: ["moltbook-guard", "revoked"],
    });
    expect(closed).toMatchObject({
      state: "closed",
      state_reason: "completed",
      labels: [{ name: "moltbook-guard" }, { name: "revoked" }],
    });
    expect(closed.closed_at).not.toBeNull();
    const open = await octokit.rest.issues.listForRepo({ ...repo.ref, state: "open" });
    expect(open.data.map((i) => i.number)).toEqual([human, 2]);
    const all = await octokit.paginate(octokit.rest.issues.listForRepo, {
      ...repo.ref,
      state: "all",
      per_page: 1,
    });
    expect(all).toHaveLength(3);
    expect(standIn.issues(repo).map((i) => i.number)).toEqual([1, 2, 3]);

    await expect(octokit.rest.issues.create({ ...repo.ref, title: "" })).rejects.toMatchObject({
      status: 422,
    });
    await expect(
      octokit.rest.issues.create({ ...repo.ref, title: "t", assignees: ["nobody-here"] }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      octokit.rest.issues.create({ ...repo.ref, title: "t", body: "x".repeat(65537) }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it("serves labels and assignee checks", async () => {
    const octokit = restClient(standIn);
    await octokit.rest.issues.createLabel({
      ...repo.ref,
      name: "needs-rotation",
      color: "d73a4a",
      description: "Rotate it",
    });
    await expect(
      octokit.rest.issues.createLabel({ ...repo.ref, name: "Needs-Rotation", color: "000000" }),
    ).rejects.toMatchObject({
      status: 422,
    });
    expect((await octokit.rest.issues.getLabel({ ...repo.ref, name: "needs-rotation" })).data).toMatchObject({
      name: "needs-rotation",
      color: "d73a4a",
      description: "Rotate it",
    });
    await expect(octokit.rest.issues.getLabel({ ...repo.ref, name: "missing label" })).rejects.toMatchObject({
      status: 404,
    });
    const { data: labels } = await octokit.rest.issues.addLabels({
      ...repo.ref,
      issue_number: 2,
      labels: ["needs-rotation"],
    });
    expect(labels.map((l) => l.name)).toEqual(["moltbook-guard", "dashboard", "needs-rotation"]);

    expect(
      (await octokit.rest.issues.checkUserCanBeAssigned({ ...repo.ref, assignee: "owner-dev" })).status,
    ).toBe(204);
    await expect(
      octokit.rest.issues.checkUserCanBeAssigned({ ...repo.ref, assignee: "visitor" }),
    ).rejects.toMatchObject({
      status: 404,
    });
    const { data: assigned } = await octokit.rest.issues.addAssignees({
      ...repo.ref,
      issue_number: 2,
      assignees: ["owner-dev", "visitor"],
    });
    expect(assigned.assignees?.map((a) => a.login)).toEqual(["owner-dev"]);
  });

  it("records comments, lets them be edited, and builds issue_comment payloads", async () => {
    const octokit = restClient(standIn);
    const { data: comment } = await octokit.rest.issues.createComment({
      ...repo.ref,
      issue_number: 2,
      body: "first",
    });
    expect(comment.user?.login).toBe("moltbook-guard[bot]");
    await octokit.rest.issues.updateComment({ ...repo.ref, comment_id: comment.id, body: "edited" });
    expect((await octokit.rest.issues.getComment({ ...repo.ref, comment_id: comment.id })).data.body).toBe(
      "edited",
    );

    const payload = standIn.issueCommentPayload(repo, {
      number: 2,
      body: "/moltbook-guard ignore",
      user: "owner-dev",
    });
    expect(payload).toMatchObject({
      action: "created",
      issue: { number: 2, comments: 2 },
      comment: {
        body: "/moltbook-guard ignore",
        user: { login: "owner-dev" },
        author_association: "COLLABORATOR",
      },
      sender: { login: "owner-dev" },
      installation: { id: 1 },
      organization: { login: "acme" },
    });
    const listed = await octokit.rest.issues.listComments({ ...repo.ref, issue_number: 2 });
    expect(listed.data.map((c) => c.body)).toEqual(["edited", "/moltbook-guard ignore"]);
    expect(standIn.comments(repo, 2).map((c) => c.body)).toEqual(["edited", "/moltbook-guard ignore"]);

    const issues = standIn.issuesPayload(repo, 3, "opened");
    expect(issues).toMatchObject({
      action: "opened",
      issue: { number: 3, user: { login: "visitor" } },
      sender: { login: "visitor" },
    });
  });

  it("keeps every request body for the no-raw-key assertion", async () => {
    const key = "moltbook_sk_" + randomBytes(24).toString("base64url").slice(0, 32);
    await restClient(standIn).rest.issues.createComment({
      ...repo.ref,
      issue_number: 2,
      body: `oops ${key}`,
    });
    expect(standIn.textWritten()).toContain(key);
    standIn.resetCalls();
    expect(standIn.textWritten()).not.toContain(key);
  });
});
