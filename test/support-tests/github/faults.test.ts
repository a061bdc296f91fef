import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitHubStandIn, type GitHubStandIn, type RepoHandle } from "../../support/github/index.js";
import { restClient } from "./rest-client.js";

let standIn: GitHubStandIn;
let repo: RepoHandle;
beforeAll(async () => {
  standIn = await startGitHubStandIn();
  repo = await standIn.createRepo("acme/faults");
});
afterAll(async () => {
  await standIn?.stop();
});

const statusOf = (p: Promise<{ status: number }>) =>
  p.then((r) => r.status).catch((e: { status: number }) => e.status);

describe("fault injection", () => {
  it("fails the next N matching calls, then answers normally", async () => {
    const octokit = restClient(standIn);
    const fault = standIn.fail({
      method: "POST",
      path: /^\/repos\/acme\/faults\/issues$/,
      status: 502,
      times: 2,
    });
    const create = () => statusOf(octokit.rest.issues.create({ ...repo.ref, title: "t" }));
    expect([await create(), await create(), await create()]).toEqual([502, 502, 201]);
    expect(fault).toMatchObject({ hits: 2, remaining: 0 });
    expect(standIn.callsTo("POST", /issues$/).map((c) => [c.status, c.faulted ?? false])).toEqual([
      [502, true],
      [502, true],
      [201, false],
    ]);
    expect(standIn.issues(repo)).toHaveLength(1);
  });

  it("answers a secondary rate limit with retry-after, and 429, with GitHub's bodies", async () => {
    const octokit = restClient(standIn);
    standIn.fail({ path: /\/issues\/1\/comments$/, status: 403, headers: { "retry-after": "1" } });
    const limited = await octokit.rest.issues
      .createComment({ ...repo.ref, issue_number: 1, body: "x" })
      .catch((e) => e);
    expect(limited.status).toBe(403);
    expect(limited.response.headers["retry-after"]).toBe("1");
    expect(limited.response.data.message).toMatch(/secondary rate limit/);

    standIn.fail({
      method: "GET",
      path: /^\/repos\/acme\/faults$/,
      status: 429,
      headers: { "retry-after": "2" },
      body: { message: "slow down" },
    });
    const tooMany = await octokit.rest.repos.get(repo.ref).catch((e) => e);
    expect([tooMany.status, tooMany.response.data.message]).toEqual([429, "slow down"]);
    expect((await octokit.rest.repos.get(repo.ref)).status).toBe(200);
  });

  it("can be cancelled, and adds latency to every call when asked", async () => {
    const octokit = restClient(standIn);
    const forever = standIn.fail({ path: /^\/repos\/acme\/faults$/, status: 500, times: Infinity });
    expect(await statusOf(octokit.rest.repos.get(repo.ref))).toBe(500);
    forever.cancel();
    standIn.latencyMs = 50;
    try {
      expect(await statusOf(octokit.rest.repos.get(repo.ref))).toBe(200);
    } finally {
      standIn.latencyMs = 0;
    }
  });
});
