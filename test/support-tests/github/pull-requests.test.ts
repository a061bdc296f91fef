import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitHubStandIn, type GitHubStandIn } from "../../support/github/index.js";
import { restClient } from "./rest-client.js";

let standIn: GitHubStandIn;
beforeAll(async () => {
  standIn = await startGitHubStandIn();
});
afterAll(async () => {
  await standIn?.stop();
});

describe("pull requests", () => {
  it("pages the files of a 400-file pull request with Link headers, and lists its commits", async () => {
    const repo = await standIn.createRepo("acme/wide-pr");
    await repo.branch("bulk");
    await repo.writeFiles(
      Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`gen/${i}.txt`, `line ${i}\n`])),
    );
    const first = await repo.commit("generate 400 files", { author: "carol" });
    await repo.write("gen/0.txt", "line 0 changed\n");
    const second = await repo.commit("tweak one");
    await repo.push("bulk");
    const number = await standIn.openPullRequest({
      repo,
      head: "bulk",
      title: "Bulk",
      body: "many files",
      user: "carol",
    });

    const octokit = restClient(standIn);
    const page1 = await octokit.rest.pulls.listFiles({ ...repo.ref, pull_number: number, per_page: 100 });
    expect(page1.data).toHaveLength(100);
    expect(page1.headers.link).toMatch(/page=2>; rel="next".*page=4>; rel="last"/);
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
      ...repo.ref,
      pull_number: number,
      per_page: 100,
    });
    expect(files).toHaveLength(400);
    expect(new Set(files.map((f) => f.filename)).size).toBe(400);
    expect(files.find((f) => f.filename === "gen/0.txt")?.patch).toBe("@@ -0,0 +1 @@\n+line 0 changed");

    const commits = await octokit.paginate(octokit.rest.pulls.listCommits, {
      ...repo.ref,
      pull_number: number,
    });
    expect(commits.map((c) => c.sha)).toEqual([first, second]);

    const { data: pr } = await octokit.rest.pulls.get({ ...repo.ref, pull_number: number });
    expect(pr).toMatchObject({
      number,
      state: "open",
      title: "Bulk",
      body: "many files",
      user: { login: "carol" },
      head: { ref: "bulk", sha: second, repo: { full_name: "acme/wide-pr" } },
      base: { ref: "main", repo: { full_name: "acme/wide-pr", default_branch: "main" } },
      commits: 2,
      changed_files: 400,
      additions: 400,
    });

    const compare = await octokit.rest.repos.compareCommitsWithBasehead({
      ...repo.ref,
      basehead: `main...bulk`,
    });
    expect(compare.data.files).toHaveLength(300);
  });

  it("follows new pushes to the head branch and finds the PRs of a commit", async () => {
    const repo = await standIn.createRepo("acme/sync");
    await repo.branch("topic");
    await repo.write("a.txt", "a\n");
    const a = await repo.commit("a");
    await repo.push();
    const number = await standIn.openPullRequest({ repo, head: "topic", title: "Topic", user: "dave" });
    await repo.write("b.txt", "b\n");
    const b = await repo.commit("b");
    await repo.push();

    const octokit = restClient(standIn);
    expect((await octokit.rest.pulls.get({ ...repo.ref, pull_number: number })).data.head.sha).toBe(b);
    const pulls = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      ...repo.ref,
      commit_sha: a,
    });
    expect(pulls.data.map((p) => p.number)).toEqual([number]);
    const listed = await octokit.rest.pulls.list({ ...repo.ref, head: "acme:topic", state: "open" });
    expect(listed.data.map((p) => p.number)).toEqual([number]);

    const payload = await standIn.pullRequestPayload(repo, number, "synchronize", { before: a });
    expect(payload).toMatchObject({
      action: "synchronize",
      number,
      before: a,
      after: b,
      pull_request: { head: { sha: b }, state: "open" },
      repository: { full_name: "acme/sync" },
      installation: { id: 1 },
    });

    await standIn.updatePullRequest(repo, number, { state: "closed", title: "Topic (closed)" });
    const closed = await octokit.rest.pulls.list({ ...repo.ref, state: "closed" });
    expect(closed.data.map((p) => p.title)).toEqual(["Topic (closed)"]);
  });

  it("serves a fork's commits through the base repository, as GitHub's network does", async () => {
    const repo = await standIn.createRepo("acme/forked");
    await repo.branch("from-fork");
    await repo.write("evil.txt", "fork content\n");
    const sha = await repo.commit("fork commit", { author: "mallory" });
    const number = await standIn.openPullRequest({
      repo,
      head: "from-fork",
      title: "Fork",
      user: "mallory",
      fromFork: true,
    });

    const octokit = restClient(standIn);
    const { data: pr } = await octokit.rest.pulls.get({ ...repo.ref, pull_number: number });
    expect(pr.head.repo?.full_name).toBe("mallory/forked");
    expect(pr.base.repo.full_name).toBe("acme/forked");
    const commit = await octokit.rest.repos.getCommit({ ...repo.ref, ref: sha });
    expect(commit.data.files?.map((f) => f.filename)).toEqual(["evil.txt"]);
    // The branch itself never reached the base repository.
    await expect(octokit.rest.repos.getCommit({ ...repo.ref, ref: "from-fork" })).rejects.toMatchObject({
      status: 422,
    });
    // The app is not installed on the fork.
    await expect(octokit.rest.repos.get({ owner: "mallory", repo: "forked" })).rejects.toMatchObject({
      status: 404,
    });
  });

  it("accepts review comments on diff lines only, all or nothing", async () => {
    const repo = await standIn.createRepo("acme/review");
    await repo.write("conf.env", Array.from({ length: 30 }, (_, i) => `K${i}=v${i}`).join("\n") + "\n");
    await repo.commit("config");
    await repo.push();
    await repo.branch("edit");
    await repo.write(
      "conf.env",
      Array.from({ length: 30 }, (_, i) => (i === 14 ? "K14=changed" : `K${i}=v${i}`)).join("\n") + "\n",
    );
    await repo.commit("edit line 15");
    await repo.push();
    const number = await standIn.openPullRequest({ repo, head: "edit", title: "Edit", user: "erin" });
    const octokit = restClient(standIn);

    const outside = octokit.rest.pulls.createReview({
      ...repo.ref,
      pull_number: number,
      event: "COMMENT",
      comments: [
        { path: "conf.env", line: 15, side: "RIGHT", body: "in the diff" },
        { path: "conf.env", line: 2, side: "RIGHT", body: "not in the diff" },
      ],
    });
    await expect(outside).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: ["Pull request review thread line must be part of the diff"] } },
    });
    expect(standIn.reviews(repo, number)).toEqual([]);

    const { data: review } = await octokit.rest.pulls.createReview({
      ...repo.ref,
      pull_number: number,
      event: "COMMENT",
      body: "Found something",
      comments: [{ path: "conf.env", line: 15, side: "RIGHT", body: "```suggestion\nK14=v14\n```" }],
    });
    expect(review).toMatchObject({ state: "COMMENTED", user: { login: "moltbook-guard[bot]", type: "Bot" } });
    const [stored] = standIn.reviews(repo, number);
    expect(stored.comments).toHaveLength(1);
    expect(stored.comments[0]).toMatchObject({ path: "conf.env", line: 15, side: "RIGHT" });
    expect(String(stored.comments[0].diff_hunk)).toMatch(/^@@ .* @@.*\n[\s\S]*\+K14=changed$/);
    const listed = await octokit.rest.pulls.listReviewComments({ ...repo.ref, pull_number: number });
    expect(listed.data.map((c) => c.line)).toEqual([15]);
  });
});
