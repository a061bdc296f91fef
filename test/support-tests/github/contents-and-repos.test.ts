import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitHubStandIn, type GitHubStandIn, type RepoHandle } from "../../support/github/index.js";
import { restClient } from "./rest-client.js";

let standIn: GitHubStandIn;
let repo: RepoHandle;
const CONFIG = "revocation:\n  mode: auto\nallowlist:\n  - tests/**\n";

beforeAll(async () => {
  standIn = await startGitHubStandIn();
  repo = await standIn.createRepo("acme/contents", { private: true });
  await repo.write(".github/moltbook-guard.yml", CONFIG);
  await repo.commit("config");
  await repo.push();
  await repo.branch("pr-branch");
  await repo.write(".github/moltbook-guard.yml", "revocation:\n  mode: off\n");
  await repo.commit("switch off");
  await repo.push();
});
afterAll(async () => {
  await standIn?.stop();
});

describe("contents and repository metadata", () => {
  it("answers Probot's raw config request as text/plain, with the path URL-encoded", async () => {
    const octokit = restClient(standIn);
    const response = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
      ...repo.ref,
      path: ".github/moltbook-guard.yml",
      mediaType: { format: "raw" },
    });
    expect(response.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(response.data).toBe(CONFIG);
    const call = standIn.callsTo("GET", /contents/).at(-1)!;
    expect(call.path).toBe("/repos/acme/contents/contents/.github/moltbook-guard.yml");
    expect(call.headers.accept).toContain("application/vnd.github.v3.raw");
    expect(call.headers.authorization).toBe("token [redacted]");
  });

  it("answers JSON with base64 content, honours ref, and 404s what is absent", async () => {
    const octokit = restClient(standIn);
    const { data } = await octokit.rest.repos.getContent({
      ...repo.ref,
      path: ".github/moltbook-guard.yml",
      ref: "pr-branch",
    });
    expect(Array.isArray(data)).toBe(false);
    const file = data as { type: string; encoding: string; content: string; path: string; sha: string };
    expect(file).toMatchObject({ type: "file", encoding: "base64", path: ".github/moltbook-guard.yml" });
    expect(Buffer.from(file.content, "base64").toString("utf8")).toBe("revocation:\n  mode: off\n");

    const dir = await octokit.rest.repos.getContent({ ...repo.ref, path: ".github" });
    expect((dir.data as { name: string; type: string }[]).map((e) => [e.name, e.type])).toEqual([
      ["moltbook-guard.yml", "file"],
    ]);

    await expect(octokit.rest.repos.getContent({ ...repo.ref, path: "nope.yml" })).rejects.toMatchObject({
      status: 404,
      response: { data: { message: "Not Found" } },
    });
    await expect(
      octokit.rest.repos.getContent({ owner: "acme", repo: ".github", path: ".github/moltbook-guard.yml" }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("describes the repository and keeps other installations and anonymous callers out", async () => {
    const { data } = await restClient(standIn).rest.repos.get(repo.ref);
    expect(data).toMatchObject({
      full_name: "acme/contents",
      name: "contents",
      private: true,
      visibility: "private",
      default_branch: "main",
      owner: { login: "acme", type: "Organization" },
      html_url: `${standIn.url}/acme/contents`,
    });
    expect(typeof data.id).toBe("number");
    await expect(restClient(standIn, 2).rest.repos.get(repo.ref)).rejects.toMatchObject({ status: 404 });
    const anonymous = await fetch(`${standIn.apiUrl}/repos/acme/contents`);
    expect(anonymous.status).toBe(404);
    const badToken = await fetch(`${standIn.apiUrl}/repos/acme/contents`, {
      headers: { authorization: "token nope" },
    });
    expect(badToken.status).toBe(401);
  });

  it("reports collaborator permissions from the table the test sets, and refuses search", async () => {
    standIn.setPermission(repo, "maintainer", "maintain");
    standIn.setPermission(repo, "reader", "read");
    const octokit = restClient(standIn);
    const perm = (username: string) =>
      octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo.ref, username });
    expect((await perm("maintainer")).data).toMatchObject({
      permission: "write",
      role_name: "maintain",
      user: { login: "maintainer" },
    });
    expect((await perm("reader")).data).toMatchObject({ permission: "read", role_name: "read" });
    expect((await perm("stranger")).data).toMatchObject({ permission: "none" });
    expect((await perm("acme")).data).toMatchObject({ permission: "admin" });
    await expect(octokit.rest.search.code({ q: "moltbook_sk_ org:acme" })).rejects.toMatchObject({
      status: 403,
    });
  });
});
