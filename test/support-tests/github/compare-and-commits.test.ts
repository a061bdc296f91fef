import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitHubStandIn, ZERO_SHA, type GitHubStandIn } from "../../support/github/index.js";
import { restClient } from "./rest-client.js";

let standIn: GitHubStandIn;
beforeAll(async () => {
  standIn = await startGitHubStandIn();
});
afterAll(async () => {
  await standIn?.stop();
});

describe("compare, commits and blobs are computed by git", () => {
  it("compares a real two-commit push", async () => {
    const repo = await standIn.createRepo("acme/compare");
    await repo.write("src/a.ts", "one\n");
    const first = await repo.commit("add a", { author: "alice" });
    await repo.write("src/a.ts", "one\ntwo\n");
    await repo.write("docs/b.md", "b\n");
    await repo.deleteFile("README.md");
    const second = await repo.commit("change a, add b, drop readme", { author: "bob" });
    const push = await repo.push();
    expect(push).toMatchObject({ ref: "refs/heads/main", after: second, created: false, forced: false });

    const octokit = restClient(standIn);
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      ...repo.ref,
      basehead: `${push.before}...${push.after}`,
    });
    expect(data).toMatchObject({ status: "ahead", ahead_by: 2, behind_by: 0, total_commits: 2 });
    expect(data.merge_base_commit.sha).toBe(push.before);
    expect(data.commits.map((c) => c.sha)).toEqual([first, second]);
    expect(data.commits.map((c) => c.commit.message)).toEqual(["add a", "change a, add b, drop readme"]);
    expect(data.commits[0].author?.login).toBe("alice");

    const files = Object.fromEntries((data.files ?? []).map((f) => [f.filename, f]));
    expect(Object.keys(files).sort()).toEqual(["README.md", "docs/b.md", "src/a.ts"]);
    expect(files["src/a.ts"]).toMatchObject({ status: "added", additions: 2, deletions: 0, changes: 2 });
    expect(files["src/a.ts"].patch).toBe("@@ -0,0 +1,2 @@\n+one\n+two");
    expect(files["README.md"]).toMatchObject({ status: "removed", additions: 0, deletions: 1 });
    expect(files["docs/b.md"].blob_url).toContain(`/acme/compare/blob/${second}/docs/b.md`);

    const commit = await octokit.rest.repos.getCommit({ ...repo.ref, ref: second });
    expect(commit.data.commit.message).toBe("change a, add b, drop readme");
    expect(commit.data.parents.map((p) => p.sha)).toEqual([first]);
    const changed = commit.data.files?.find((f) => f.filename === "src/a.ts");
    expect(changed).toMatchObject({
      status: "modified",
      additions: 1,
      deletions: 0,
      patch: "@@ -1 +1,2 @@\n one\n+two",
    });
    expect(commit.data.stats).toEqual({ additions: 2, deletions: 1, total: 3 });

    const payload = await standIn.pushPayload(repo, { ...push, pusher: "bob" });
    expect(payload).toMatchObject({
      ref: "refs/heads/main",
      before: push.before,
      after: second,
      created: false,
      deleted: false,
      forced: false,
      pusher: { name: "bob" },
      sender: { login: "bob", type: "User" },
      installation: { id: 1 },
      repository: { full_name: "acme/compare", default_branch: "main", private: false, visibility: "public" },
    });
    const commits = payload.commits as {
      id: string;
      added: string[];
      removed: string[];
      modified: string[];
    }[];
    expect(commits.map((c) => c.id)).toEqual([first, second]);
    expect(commits[1]).toMatchObject({
      added: ["docs/b.md"],
      removed: ["README.md"],
      modified: ["src/a.ts"],
    });
    expect((payload.head_commit as { id: string }).id).toBe(second);
  });

  it("describes force pushes, new branches and branch deletion as GitHub does", async () => {
    const repo = await standIn.createRepo("acme/force", { private: true, defaultBranch: "trunk" });
    await repo.branch("feature");
    await repo.write("x.txt", "1\n");
    const x1 = await repo.commit("x1");
    const created = await repo.push();
    expect(created).toMatchObject({ before: ZERO_SHA, after: x1, created: true });
    const createdPayload = await standIn.pushPayload(repo, { ...created, pusher: "alice" });
    expect((createdPayload.commits as { id: string }[]).map((c) => c.id)).toEqual([x1]);
    expect(createdPayload.repository).toMatchObject({
      private: true,
      visibility: "private",
      default_branch: "trunk",
    });

    await repo.git(["reset", "--hard", "HEAD~1"]);
    await repo.write("y.txt", "2\n");
    const y1 = await repo.commit("y1");
    const forced = await repo.push("feature", { force: true });
    expect(forced).toMatchObject({ before: x1, after: y1, forced: true });
    const { data } = await restClient(standIn).rest.repos.compareCommitsWithBasehead({
      ...repo.ref,
      basehead: `${x1}...${y1}`,
    });
    expect(data).toMatchObject({ status: "diverged", ahead_by: 1, behind_by: 1 });
    expect(data.files?.map((f) => f.filename)).toEqual(["y.txt"]);

    const deleted = await repo.deleteBranch("feature");
    const deletedPayload = await standIn.pushPayload(repo, { ...deleted, pusher: "alice" });
    expect(deletedPayload).toMatchObject({ deleted: true, after: ZERO_SHA, commits: [], head_commit: null });
  });

  it("leaves out patches over the size limit and serves the blob instead", async () => {
    const repo = await standIn.createRepo("acme/large");
    const big = "x".repeat(200) + "\n";
    await repo.write("big.txt", big.repeat(50));
    await repo.write("small.txt", "s\n");
    await repo.write("image.bin", Buffer.from([0, 1, 2, 3, 0, 255]));
    const sha = await repo.commit("big");
    await repo.push();
    standIn.maxPatchBytes = 4096;
    try {
      const octokit = restClient(standIn);
      const { data } = await octokit.rest.repos.getCommit({ ...repo.ref, ref: sha });
      const byName = Object.fromEntries((data.files ?? []).map((f) => [f.filename, f]));
      expect(byName["big.txt"].patch).toBeUndefined();
      expect(byName["big.txt"].additions).toBe(50);
      expect(byName["image.bin"].patch).toBeUndefined();
      expect(byName["small.txt"].patch).toBe("@@ -0,0 +1 @@\n+s");
      const blob = await octokit.rest.git.getBlob({ ...repo.ref, file_sha: byName["big.txt"].sha! });
      expect(blob.data.size).toBe(big.length * 50);
      expect(Buffer.from(blob.data.content, "base64").toString("utf8")).toBe(big.repeat(50));
    } finally {
      standIn.maxPatchBytes = 1024 * 1024;
    }
  });

  it("pages a commit's files 300 at a time and answers 422 for an unknown sha", async () => {
    const repo = await standIn.createRepo("acme/wide");
    await repo.writeFiles(
      Object.fromEntries(Array.from({ length: 320 }, (_, i) => [`f/${i}.txt`, `${i}\n`])),
    );
    const sha = await repo.commit("320 files");
    await repo.push();
    const octokit = restClient(standIn);
    const first = await octokit.rest.repos.getCommit({ ...repo.ref, ref: sha });
    expect(first.data.files).toHaveLength(300);
    expect(first.headers.link).toContain('rel="next"');
    const second = await octokit.rest.repos.getCommit({ ...repo.ref, ref: sha, page: 2 });
    expect(second.data.files).toHaveLength(20);
    expect(second.data.sha).toBe(sha);

    await expect(octokit.rest.repos.getCommit({ ...repo.ref, ref: "f".repeat(40) })).rejects.toMatchObject({
      status: 422,
    });
    await expect(
      octokit.rest.repos.compareCommitsWithBasehead({ ...repo.ref, basehead: "main...nope" }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
