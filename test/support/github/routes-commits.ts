import { requireRepo } from "./auth.js";
import { diffFiles, diffText } from "./diff-files.js";
import { commitsBetween, isAncestor, mergeBase, readCommits, resolveCommit } from "./git-objects.js";
import {
  HttpError,
  json,
  linkHeader,
  notFound,
  pageParams,
  paginate,
  wantsMedia,
  type RequestContext,
} from "./http-reply.js";
import { syncPullHead } from "./pull-requests.js";
import type { Router } from "./router.js";
import { commitJson, diffEntryJson, diffStats } from "./shapes-git.js";
import { pullJson } from "./shapes-pulls.js";
import type { RepoRecord } from "./stand-in-types.js";

// GitHub's documented limits: a compare lists at most 250 commits without paging parameters and
// at most 300 files (on its first page only); a commit pages its files 300 at a time up to 3000.
const COMPARE_COMMITS = 250;
const COMPARE_FILES = 300;
const COMMIT_FILES_PER_PAGE = 300;
const MAX_FILES = 3000;

async function resolveOr404(repo: RepoRecord, ref: string): Promise<string> {
  // `owner:ref` names a ref in the repository network; only this repository's own owner is served.
  const colon = ref.indexOf(":");
  const local =
    colon > 0 && ref.slice(0, colon).toLowerCase() === repo.owner.login.toLowerCase()
      ? ref.slice(colon + 1)
      : ref;
  const sha = await resolveCommit(repo.bareDir, local);
  if (!sha) throw notFound();
  return sha;
}

async function compare(ctx: RequestContext) {
  const repo = requireRepo(ctx);
  const basehead = ctx.params.basehead;
  const threeDots = basehead.includes("...");
  const [baseRef, headRef] = basehead.split(threeDots ? "..." : "..");
  if (!baseRef || !headRef) throw notFound();
  const [base, head] = await Promise.all([resolveOr404(repo, baseRef), resolveOr404(repo, headRef)]);
  const common = await mergeBase(repo.bareDir, base, head);
  if (!common) throw new HttpError(404, `No common ancestor between ${baseRef} and ${headRef}.`);
  const from = threeDots ? common : base;
  if (wantsMedia(ctx, "diff"))
    return {
      status: 200,
      raw: await diffText(repo.bareDir, from, head),
      contentType: "text/plain; charset=utf-8",
    };

  const [ahead, behind, files] = await Promise.all([
    commitsBetween(repo.bareDir, base, head),
    commitsBetween(repo.bareDir, head, base),
    diffFiles(repo.bareDir, from, head),
  ]);
  const paged = ctx.query.has("per_page") || ctx.query.has("page");
  let listed = ahead.slice(-COMPARE_COMMITS);
  let headers: Record<string, string> = {};
  let showFiles = true;
  if (paged) {
    const page = paginate(ctx, ahead);
    listed = page.items;
    headers = page.headers;
    showFiles = pageParams(ctx).page === 1;
  }
  const [baseInfo, baseCommit, ...infos] = await readCommits(repo.bareDir, [common, base, ...listed]);
  const html = `${ctx.state.url}/${repo.fullName}/compare/${basehead}`;
  return json(
    200,
    {
      url: `${ctx.state.apiUrl}/repos/${repo.fullName}/compare/${basehead}`,
      html_url: html,
      permalink_url: `${ctx.state.url}/${repo.fullName}/compare/${repo.owner.login}:${base}...${repo.owner.login}:${head}`,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      base_commit: commitJson(ctx.state, repo, baseCommit),
      merge_base_commit: commitJson(ctx.state, repo, baseInfo),
      status:
        ahead.length === 0
          ? behind.length === 0
            ? "identical"
            : "behind"
          : behind.length === 0
            ? "ahead"
            : "diverged",
      ahead_by: ahead.length,
      behind_by: behind.length,
      total_commits: ahead.length,
      commits: infos.map((c) => commitJson(ctx.state, repo, c)),
      files: showFiles
        ? files.slice(0, COMPARE_FILES).map((f) => diffEntryJson(ctx.state, repo, head, f))
        : [],
    },
    headers,
  );
}

async function getCommit(ctx: RequestContext) {
  const repo = requireRepo(ctx);
  const sha = await resolveCommit(repo.bareDir, ctx.params.ref);
  if (!sha) throw new HttpError(422, `No commit found for SHA: ${ctx.params.ref}`);
  const [info] = await readCommits(repo.bareDir, [sha]);
  const parent = info.parents[0] ?? null;
  if (wantsMedia(ctx, "diff"))
    return {
      status: 200,
      raw: await diffText(repo.bareDir, parent, sha),
      contentType: "text/plain; charset=utf-8",
    };
  const files = (await diffFiles(repo.bareDir, parent, sha)).slice(0, MAX_FILES);
  const { perPage, page } = pageParams(ctx, {
    defaultPerPage: COMMIT_FILES_PER_PAGE,
    maxPerPage: COMMIT_FILES_PER_PAGE,
  });
  const last = Math.max(1, Math.ceil(files.length / perPage));
  const link = linkHeader(ctx.url, page, last);
  return json(
    200,
    {
      ...commitJson(ctx.state, repo, info),
      stats: diffStats(files),
      files: files
        .slice((page - 1) * perPage, page * perPage)
        .map((f) => diffEntryJson(ctx.state, repo, sha, f)),
    },
    link ? { link } : {},
  );
}

/** Commits, comparisons and the pull requests a commit belongs to. */
export function registerCommitRoutes(router: Router): void {
  router.add("GET", "/repos/:owner/:repo/compare/*basehead", compare);

  router.add("GET", "/repos/:owner/:repo/commits", async (ctx) => {
    const repo = requireRepo(ctx);
    const start = await resolveOr404(repo, ctx.query.get("sha") || repo.defaultBranch);
    const shas = (await commitsBetween(repo.bareDir, null, start)).reverse();
    const page = paginate(ctx, shas);
    const infos = await readCommits(repo.bareDir, page.items);
    return json(
      200,
      infos.map((c) => commitJson(ctx.state, repo, c)),
      page.headers,
    );
  });

  router.add("GET", "/repos/:owner/:repo/commits/*sha/pulls", async (ctx) => {
    const repo = requireRepo(ctx);
    const sha = await resolveOr404(repo, ctx.params.sha);
    const found = [];
    for (const issue of repo.issues.values()) {
      if (!issue.pull) continue;
      await syncPullHead(repo, issue.number);
      if (!(await isAncestor(repo.bareDir, sha, issue.pull.headSha))) continue;
      const base = await resolveCommit(repo.bareDir, `refs/heads/${issue.pull.baseRef}`);
      if (base && issue.pull.mergedAt === null && (await isAncestor(repo.bareDir, sha, base))) continue;
      found.push(issue);
    }
    found.sort((a, b) => b.number - a.number);
    const page = paginate(ctx, found);
    return json(
      200,
      await Promise.all(page.items.map((i) => pullJson(ctx.state, repo, i, false))),
      page.headers,
    );
  });

  router.add("GET", "/repos/:owner/:repo/commits/*ref", getCommit);
}
