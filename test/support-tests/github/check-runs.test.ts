import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitHubStandIn, type GitHubStandIn, type RepoHandle } from "../../support/github/index.js";
import { restClient, userClient } from "./rest-client.js";

let standIn: GitHubStandIn;
let repo: RepoHandle;
let sha: string;
beforeAll(async () => {
  standIn = await startGitHubStandIn();
  repo = await standIn.createRepo("acme/checks");
  sha = await repo.head();
});
afterAll(async () => {
  await standIn?.stop();
});

const annotation = (line: number) => ({
  path: "src/app.ts",
  start_line: line,
  end_line: line,
  annotation_level: "failure" as const,
  message: "Moltbook API key (moltbook_sk_Ab…Q0), revoked",
});

describe("check runs", () => {
  it("creates, appends annotations on update, and lists runs for a ref by name", async () => {
    const octokit = restClient(standIn);
    const { data: run } = await octokit.rest.checks.create({
      ...repo.ref,
      name: "Moltbook Guard",
      head_sha: sha,
      status: "in_progress",
      output: {
        title: "Scanning",
        summary: "…",
        annotations: Array.from({ length: 50 }, (_, i) => annotation(i + 1)),
      },
    });
    expect(run).toMatchObject({
      name: "Moltbook Guard",
      head_sha: sha,
      status: "in_progress",
      conclusion: null,
    });
    expect(run.app?.slug).toBe("moltbook-guard");
    const { data: done } = await octokit.rest.checks.update({
      ...repo.ref,
      check_run_id: run.id,
      conclusion: "failure",
      output: { title: "1 key leaked", summary: "Revoked", annotations: [annotation(60)] },
    });
    expect(done).toMatchObject({
      status: "completed",
      conclusion: "failure",
      output: { title: "1 key leaked", annotations_count: 51 },
    });
    expect(done.completed_at).not.toBeNull();
    await octokit.rest.checks.create({
      ...repo.ref,
      name: "Other",
      head_sha: sha,
      conclusion: "success",
      output: { title: "ok", summary: "ok" },
    });

    const listed = await octokit.rest.checks.listForRef({
      ...repo.ref,
      ref: "main",
      check_name: "Moltbook Guard",
    });
    expect(listed.data.total_count).toBe(1);
    expect(listed.data.check_runs[0].id).toBe(run.id);
    expect(
      (await octokit.rest.checks.get({ ...repo.ref, check_run_id: run.id })).data.output.annotations_count,
    ).toBe(51);
    expect(standIn.checkRuns(repo)[0].annotations).toHaveLength(51);

    const payload = standIn.checkRunRerequestedPayload(repo, run.id, { sender: "alice" });
    expect(payload).toMatchObject({
      action: "rerequested",
      check_run: { id: run.id, head_sha: sha, check_suite: { head_sha: sha, head_branch: "main" } },
      installation: { id: 1 },
    });
  });

  it("refuses what GitHub refuses with a 422", async () => {
    const octokit = restClient(standIn);
    const create = (body: Record<string, unknown>) =>
      octokit.request("POST /repos/{owner}/{repo}/check-runs", {
        ...repo.ref,
        name: "Moltbook Guard",
        head_sha: sha,
        ...body,
      });

    await expect(
      create({
        output: {
          title: "t",
          summary: "s",
          annotations: Array.from({ length: 51 }, (_, i) => annotation(i + 1)),
        },
      }),
    ).rejects.toMatchObject({
      status: 422,
      response: {
        data: { message: "Invalid request.\n\nNo more than 50 items are allowed; 51 were supplied." },
      },
    });
    const { path: _path, annotation_level: _level, ...partial } = annotation(3);
    await expect(
      create({ output: { title: "t", summary: "s", annotations: [partial] } }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { message: 'Invalid request.\n\n"annotation_level", "path" weren\'t supplied.' } },
    });
    await expect(
      create({
        output: {
          title: "t",
          summary: "s",
          annotations: [{ ...annotation(5), end_line: 6, start_column: 1, end_column: 4 }],
        },
      }),
    ).rejects.toMatchObject({ status: 422, response: { data: { message: "Validation Failed" } } });
    await expect(create({ output: { title: "t" } })).rejects.toMatchObject({ status: 422 });
    await expect(create({ status: "completed" })).rejects.toMatchObject({ status: 422 });
    await expect(create({ conclusion: "green" })).rejects.toMatchObject({ status: 422 });
    await expect(create({ output: { title: "t", summary: "x".repeat(65536) } })).rejects.toMatchObject({
      status: 422,
    });
    await expect(create({ head_sha: "0".repeat(40) })).rejects.toMatchObject({ status: 422 });

    await expect(
      userClient(standIn, "acme").rest.checks.create({ ...repo.ref, name: "x", head_sha: sha }),
    ).rejects.toMatchObject({ status: 403 });
  });
});
