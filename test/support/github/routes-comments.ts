import { requireRepo } from "./auth.js";
import { bodyObject, intParam, json, notFound, paginate, validationFailed } from "./http-reply.js";
import { actorOf, addComment, checkBody } from "./issues.js";
import type { Router } from "./router.js";
import { commentJson } from "./shapes-issues.js";
import { isoNow } from "./stand-in-state.js";

function requireText(body: Record<string, unknown>): string {
  if (typeof body.body !== "string" || body.body === "") {
    throw validationFailed([{ resource: "IssueComment", code: "missing_field", field: "body" }]);
  }
  checkBody("IssueComment", body.body);
  return body.body;
}

/** Issue and pull-request conversation comments. */
export function registerCommentRoutes(router: Router): void {
  router.add("GET", "/repos/:owner/:repo/issues/:number/comments", (ctx) => {
    const repo = requireRepo(ctx);
    const issue = repo.issues.get(intParam(ctx, "number"));
    if (!issue) throw notFound();
    const since = ctx.query.get("since");
    const comments = issue.comments.filter((c) => !since || c.updatedAt >= since);
    const page = paginate(ctx, comments);
    return json(
      200,
      page.items.map((c) => commentJson(ctx.state, repo, c)),
      page.headers,
    );
  });

  router.add("POST", "/repos/:owner/:repo/issues/:number/comments", (ctx) => {
    const repo = requireRepo(ctx, "write");
    const issue = repo.issues.get(intParam(ctx, "number"));
    if (!issue) throw notFound();
    const comment = addComment(ctx.state, repo, issue, requireText(bodyObject(ctx)), actorOf(ctx.identity));
    return json(201, commentJson(ctx.state, repo, comment));
  });

  router.add("GET", "/repos/:owner/:repo/issues/comments/:id", (ctx) => {
    const repo = requireRepo(ctx);
    const found = ctx.state.comments.get(intParam(ctx, "id"));
    if (!found || found.repo !== repo) throw notFound();
    return json(200, commentJson(ctx.state, repo, found.comment));
  });

  router.add("PATCH", "/repos/:owner/:repo/issues/comments/:id", (ctx) => {
    const repo = requireRepo(ctx, "write");
    const found = ctx.state.comments.get(intParam(ctx, "id"));
    if (!found || found.repo !== repo) throw notFound();
    found.comment.body = requireText(bodyObject(ctx));
    found.comment.updatedAt = isoNow();
    return json(200, commentJson(ctx.state, repo, found.comment));
  });
}
