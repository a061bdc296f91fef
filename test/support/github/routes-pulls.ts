import { requireRepo } from "./auth.js";
import { diffText } from "./diff-files.js";
import { readCommits } from "./git-objects.js";
import { bodyObject, json, paginate, wantsMedia } from "./http-reply.js";
import { pullOr404 } from "./issues.js";
import { pullDiff, updatePullRequest } from "./pull-requests.js";
import type { Router } from "./router.js";
import { commitJson, diffEntryJson } from "./shapes-git.js";
import { pullJson } from "./shapes-pulls.js";

// GitHub: a PR lists at most 3000 files and 250 commits, 100 a page at most.
const MAX_FILES = 3000;
const MAX_COMMITS = 250;

/** Pull requests: one, a filtered list, its files and its commits. */
export function registerPullRoutes(router: Router): void {
  router.add("GET", "/repos/:owner/:repo/pulls", async (ctx) => {
    const repo = requireRepo(ctx);
    const state = ctx.query.get("state") ?? "open";
    const head = ctx.query.get("head");
    const base = ctx.query.get("base");
    const direction = ctx.query.get("direction") ?? "desc";
    const pulls = [...repo.issues.values()].filter((i) => {
      if (!i.pull || (state !== "all" && i.state !== state)) return false;
      if (head && `${i.pull.headRepo.owner.login}:${i.pull.headRef}`.toLowerCase() !== head.toLowerCase())
        return false;
      return !base || i.pull.baseRef === base;
    });
    pulls.sort((a, b) => (direction === "asc" ? a.number - b.number : b.number - a.number));
    const page = paginate(ctx, pulls);
    return json(
      200,
      await Promise.all(page.items.map((i) => pullJson(ctx.state, repo, i, false))),
      page.headers,
    );
  });

  router.add("GET", "/repos/:owner/:repo/pulls/:number", async (ctx) => {
    const repo = requireRepo(ctx);
    const issue = pullOr404(ctx, repo);
    if (wantsMedia(ctx, "diff")) {
      const diff = await pullDiff(repo, issue.number);
      const raw = await diffText(repo.bareDir, diff.mergeBaseSha, issue.pull!.headSha);
      return { status: 200, raw, contentType: "text/plain; charset=utf-8" };
    }
    return json(200, await pullJson(ctx.state, repo, issue));
  });

  router.add("PATCH", "/repos/:owner/:repo/pulls/:number", async (ctx) => {
    const repo = requireRepo(ctx, "write");
    const issue = pullOr404(ctx, repo);
    const body = bodyObject(ctx);
    await updatePullRequest(ctx.state, repo.fullName, issue.number, {
      title: typeof body.title === "string" ? body.title : undefined,
      body: typeof body.body === "string" ? body.body : undefined,
      state: body.state === "open" || body.state === "closed" ? body.state : undefined,
      base: typeof body.base === "string" ? body.base : undefined,
    });
    return json(200, await pullJson(ctx.state, repo, issue));
  });

  router.add("GET", "/repos/:owner/:repo/pulls/:number/files", async (ctx) => {
    const repo = requireRepo(ctx);
    const issue = pullOr404(ctx, repo);
    const diff = await pullDiff(repo, issue.number);
    const page = paginate(ctx, diff.files.slice(0, MAX_FILES));
    const sha = issue.pull!.headSha;
    return json(
      200,
      page.items.map((f) => diffEntryJson(ctx.state, repo, sha, f)),
      page.headers,
    );
  });

  router.add("GET", "/repos/:owner/:repo/pulls/:number/commits", async (ctx) => {
    const repo = requireRepo(ctx);
    const issue = pullOr404(ctx, repo);
    const diff = await pullDiff(repo, issue.number);
    const page = paginate(ctx, diff.commits.slice(0, MAX_COMMITS));
    const infos = await readCommits(repo.bareDir, page.items);
    return json(
      200,
      infos.map((c) => commitJson(ctx.state, repo, c)),
      page.headers,
    );
  });
}
