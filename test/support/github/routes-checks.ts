import { requireRepo } from "./auth.js";
import { validateCheckRunBody } from "./validate-check-run-body.js";
import { resolveCommit } from "./git-objects.js";
import {
  bodyObject,
  HttpError,
  intParam,
  json,
  notFound,
  paginate,
  type RequestContext,
} from "./http-reply.js";
import { syncOpenPulls } from "./pull-requests.js";
import type { Router } from "./router.js";
import { checkRunJson } from "./shapes-checks.js";
import { isoNow } from "./stand-in-state.js";
import type { CheckRunRecord, RepoRecord } from "./stand-in-types.js";

function requireAppInstallation(ctx: RequestContext): void {
  if (ctx.identity.kind !== "installation")
    throw new HttpError(403, "You must authenticate via a GitHub App.");
}

function runOr404(ctx: RequestContext, repo: RepoRecord): CheckRunRecord {
  const run = ctx.state.checkRuns.get(intParam(ctx, "id"));
  if (!run || run.repo !== repo) throw notFound();
  return run;
}

function str(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** Applies the fields of a create or update body; annotations are appended, as on GitHub. */
function apply(
  run: CheckRunRecord,
  body: Record<string, unknown>,
  annotations: CheckRunRecord["annotations"],
): void {
  if (typeof body.name === "string") run.name = body.name;
  if (body.details_url !== undefined) run.detailsUrl = str(body.details_url);
  if (body.external_id !== undefined) run.externalId = str(body.external_id);
  if (body.started_at !== undefined) run.startedAt = str(body.started_at);
  if (typeof body.status === "string") run.status = body.status;
  if (typeof body.conclusion === "string") {
    run.conclusion = body.conclusion;
    run.status = "completed";
  }
  if (body.completed_at !== undefined) run.completedAt = str(body.completed_at);
  if (run.status === "completed" && !run.completedAt) run.completedAt = isoNow();
  if (body.output && typeof body.output === "object") {
    const output = body.output as Record<string, unknown>;
    run.output = {
      title: str(output.title),
      summary: str(output.summary),
      text: str(output.text) ?? run.output.text,
    };
  }
  if (Array.isArray(body.actions)) run.actions = body.actions;
  run.annotations.push(...annotations);
}

/** Check runs: create, update, read, list for a ref, and annotations. */
export function registerCheckRoutes(router: Router): void {
  router.add("POST", "/repos/:owner/:repo/check-runs", async (ctx) => {
    const repo = requireRepo(ctx, "write");
    requireAppInstallation(ctx);
    const body = bodyObject(ctx);
    const annotations = validateCheckRunBody(body, true);
    const headSha = await resolveCommit(repo.bareDir, String(body.head_sha));
    if (!headSha || !headSha.startsWith(String(body.head_sha).toLowerCase())) {
      throw new HttpError(422, `No commit found for SHA: ${String(body.head_sha)}`);
    }
    const run: CheckRunRecord = {
      id: ctx.state.nextId(),
      repo,
      name: String(body.name),
      headSha,
      status: "queued",
      conclusion: null,
      startedAt: isoNow(),
      completedAt: null,
      detailsUrl: null,
      externalId: null,
      output: { title: null, summary: null, text: null },
      annotations: [],
      actions: [],
      checkSuiteId: ctx.state.checkSuiteId(repo, headSha),
    };
    apply(run, body, annotations);
    ctx.state.checkRuns.set(run.id, run);
    await syncOpenPulls(repo);
    return json(201, checkRunJson(ctx.state, run));
  });

  router.add("PATCH", "/repos/:owner/:repo/check-runs/:id", async (ctx) => {
    const repo = requireRepo(ctx, "write");
    requireAppInstallation(ctx);
    const run = runOr404(ctx, repo);
    const body = bodyObject(ctx);
    apply(run, body, validateCheckRunBody(body, false));
    await syncOpenPulls(repo);
    return json(200, checkRunJson(ctx.state, run));
  });

  router.add("GET", "/repos/:owner/:repo/check-runs/:id", (ctx) => {
    const repo = requireRepo(ctx);
    return json(200, checkRunJson(ctx.state, runOr404(ctx, repo)));
  });

  router.add("GET", "/repos/:owner/:repo/check-runs/:id/annotations", (ctx) => {
    const repo = requireRepo(ctx);
    const run = runOr404(ctx, repo);
    const page = paginate(
      ctx,
      run.annotations.map((a) => ({
        ...a,
        blob_href: `${ctx.state.url}/${repo.fullName}/blob/${run.headSha}/${a.path}`,
      })),
    );
    return json(200, page.items, page.headers);
  });

  router.add("GET", "/repos/:owner/:repo/commits/*ref/check-runs", async (ctx) => {
    const repo = requireRepo(ctx);
    const sha = await resolveCommit(repo.bareDir, ctx.params.ref);
    if (!sha) throw new HttpError(422, `No commit found for SHA: ${ctx.params.ref}`);
    const name = ctx.query.get("check_name");
    const status = ctx.query.get("status");
    let runs = [...ctx.state.checkRuns.values()].filter(
      (r) =>
        r.repo === repo &&
        r.headSha === sha &&
        (!name || r.name === name) &&
        (!status || r.status === status),
    );
    if ((ctx.query.get("filter") ?? "latest") === "latest") {
      const latest = new Map<string, CheckRunRecord>();
      for (const run of runs) latest.set(run.name, run);
      runs = [...latest.values()];
    }
    runs.sort((a, b) => b.id - a.id);
    const page = paginate(ctx, runs);
    return json(
      200,
      { total_count: runs.length, check_runs: page.items.map((r) => checkRunJson(ctx.state, r)) },
      page.headers,
    );
  });
}
