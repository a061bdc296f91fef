import { requireRepo } from "./auth.js";
import { bodyObject, json, notFound, paginate, validationFailed, type RequestContext } from "./http-reply.js";
import { ensureLabel, issueOr404, labelNames } from "./issues.js";
import type { Router } from "./router.js";
import { labelJson } from "./shapes-issues.js";
import { isoNow } from "./stand-in-state.js";
import type { IssueRecord, RepoRecord } from "./stand-in-types.js";

function issueLabels(ctx: RequestContext, repo: RepoRecord, issue: IssueRecord) {
  return issue.labels.map((n) => labelJson(ctx.state, repo, repo.labels.get(n.toLowerCase())!));
}

/** Repository labels and the labels of one issue. */
export function registerLabelRoutes(router: Router): void {
  router.add("GET", "/repos/:owner/:repo/labels", (ctx) => {
    const repo = requireRepo(ctx);
    const page = paginate(
      ctx,
      [...repo.labels.values()].map((l) => labelJson(ctx.state, repo, l)),
    );
    return json(200, page.items, page.headers);
  });

  router.add("POST", "/repos/:owner/:repo/labels", (ctx) => {
    const repo = requireRepo(ctx, "write");
    const body = bodyObject(ctx);
    if (typeof body.name !== "string" || body.name === "") {
      throw validationFailed([{ resource: "Label", code: "missing_field", field: "name" }]);
    }
    if (repo.labels.has(body.name.toLowerCase())) {
      throw validationFailed([{ resource: "Label", code: "already_exists", field: "name" }]);
    }
    const color = typeof body.color === "string" ? body.color.replace(/^#/, "") : "ededed";
    if (!/^[0-9a-fA-F]{6}$/.test(color))
      throw validationFailed([{ resource: "Label", code: "invalid", field: "color" }]);
    const label = ensureLabel(ctx.state, repo, body.name, color);
    label.description = typeof body.description === "string" ? body.description : null;
    return json(201, labelJson(ctx.state, repo, label));
  });

  router.add("GET", "/repos/:owner/:repo/labels/:name", (ctx) => {
    const repo = requireRepo(ctx);
    const label = repo.labels.get(ctx.params.name.toLowerCase());
    if (!label) throw notFound();
    return json(200, labelJson(ctx.state, repo, label));
  });

  router.add("GET", "/repos/:owner/:repo/issues/:number/labels", (ctx) => {
    const repo = requireRepo(ctx);
    return json(200, issueLabels(ctx, repo, issueOr404(ctx, repo)));
  });

  const setLabels = (replace: boolean) => (ctx: RequestContext) => {
    const repo = requireRepo(ctx, "write");
    const issue = issueOr404(ctx, repo);
    const names = labelNames(ctx.body).map((n) => ensureLabel(ctx.state, repo, n).name);
    issue.labels = [...new Set([...(replace ? [] : issue.labels), ...names])];
    issue.updatedAt = isoNow();
    return json(200, issueLabels(ctx, repo, issue));
  };
  router.add("POST", "/repos/:owner/:repo/issues/:number/labels", setLabels(false));
  router.add("PUT", "/repos/:owner/:repo/issues/:number/labels", setLabels(true));

  router.add("DELETE", "/repos/:owner/:repo/issues/:number/labels/:name", (ctx) => {
    const repo = requireRepo(ctx, "write");
    const issue = issueOr404(ctx, repo);
    const name = ctx.params.name.toLowerCase();
    if (!issue.labels.some((l) => l.toLowerCase() === name)) throw notFound();
    issue.labels = issue.labels.filter((l) => l.toLowerCase() !== name);
    issue.updatedAt = isoNow();
    return json(200, issueLabels(ctx, repo, issue));
  });
}
