import { requireRepo } from "./auth.js";
import { bodyObject, json, notFound, paginate, validationFailed, type RequestContext } from "./http-reply.js";
import {
  actorOf,
  checkAssignees,
  checkBody,
  createIssue,
  ensureLabel,
  isAssignable,
  issueOr404,
  labelNames,
} from "./issues.js";
import type { Router } from "./router.js";
import { issueJson } from "./shapes-issues.js";
import { isoNow } from "./stand-in-state.js";
import type { IssueRecord, RepoRecord } from "./stand-in-types.js";

function logins(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function listIssues(ctx: RequestContext, repo: RepoRecord): IssueRecord[] {
  const state = ctx.query.get("state") ?? "open";
  const labels = (ctx.query.get("labels") ?? "")
    .split(",")
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);
  const creator = ctx.query.get("creator")?.toLowerCase();
  const assignee = ctx.query.get("assignee")?.toLowerCase();
  const since = ctx.query.get("since");
  const found = [...repo.issues.values()].filter((i) => {
    if (state !== "all" && i.state !== state) return false;
    const have = new Set(i.labels.map((l) => l.toLowerCase()));
    if (!labels.every((l) => have.has(l))) return false;
    if (creator && i.user.login.toLowerCase() !== creator) return false;
    if (assignee === "none" && i.assignees.length > 0) return false;
    if (assignee === "*" && i.assignees.length === 0) return false;
    if (
      assignee &&
      assignee !== "none" &&
      assignee !== "*" &&
      !i.assignees.some((a) => a.toLowerCase() === assignee)
    )
      return false;
    return !since || i.updatedAt >= since;
  });
  const sort = ctx.query.get("sort") ?? "created";
  const key = (i: IssueRecord): string | number =>
    sort === "updated" ? i.updatedAt : sort === "comments" ? i.comments.length : i.number;
  const dir = ctx.query.get("direction") === "asc" ? 1 : -1;
  return found.sort((a, b) => (key(a) < key(b) ? -dir : key(a) > key(b) ? dir : (a.number - b.number) * dir));
}

/** Issues (and PRs through the issues API), their labels and assignees. */
export function registerIssueRoutes(router: Router): void {
  router.add("GET", "/repos/:owner/:repo/issues", (ctx) => {
    const repo = requireRepo(ctx);
    const page = paginate(ctx, listIssues(ctx, repo));
    return json(
      200,
      page.items.map((i) => issueJson(ctx.state, repo, i)),
      page.headers,
    );
  });

  router.add("POST", "/repos/:owner/:repo/issues", (ctx) => {
    const repo = requireRepo(ctx, "write");
    const body = bodyObject(ctx);
    if (typeof body.title !== "string" || body.title === "") {
      throw validationFailed([{ resource: "Issue", code: "missing_field", field: "title" }]);
    }
    checkBody("Issue", body.body);
    const assignees = [
      ...logins(body.assignees),
      ...(typeof body.assignee === "string" ? [body.assignee] : []),
    ];
    checkAssignees(repo, assignees);
    const issue = createIssue(
      ctx.state,
      repo,
      {
        title: body.title,
        body: typeof body.body === "string" ? body.body : null,
        labels: labelNames(body.labels),
        assignees,
      },
      actorOf(ctx.identity),
    );
    return json(201, issueJson(ctx.state, repo, issue));
  });

  router.add("GET", "/repos/:owner/:repo/issues/:number", (ctx) => {
    const repo = requireRepo(ctx);
    return json(200, issueJson(ctx.state, repo, issueOr404(ctx, repo)));
  });

  router.add("PATCH", "/repos/:owner/:repo/issues/:number", (ctx) => {
    const repo = requireRepo(ctx, "write");
    const issue = issueOr404(ctx, repo);
    const body = bodyObject(ctx);
    if (body.title !== undefined && (typeof body.title !== "string" || body.title === "")) {
      throw validationFailed([{ resource: "Issue", code: "missing_field", field: "title" }]);
    }
    checkBody("Issue", body.body);
    if (body.assignees !== undefined) checkAssignees(repo, logins(body.assignees));
    if (body.state !== undefined && body.state !== "open" && body.state !== "closed") {
      throw validationFailed([{ resource: "Issue", code: "invalid", field: "state" }]);
    }
    const now = isoNow();
    if (typeof body.title === "string") issue.title = body.title;
    if (body.body !== undefined) issue.body = typeof body.body === "string" ? body.body : null;
    if (body.labels !== undefined)
      issue.labels = labelNames(body.labels).map((n) => ensureLabel(ctx.state, repo, n).name);
    if (body.assignees !== undefined) issue.assignees = [...new Set(logins(body.assignees))];
    if (body.state !== undefined && body.state !== issue.state) {
      issue.state = body.state as IssueRecord["state"];
      issue.closedAt = issue.state === "closed" ? now : null;
      issue.stateReason =
        issue.state === "closed"
          ? typeof body.state_reason === "string"
            ? body.state_reason
            : "completed"
          : "reopened";
    } else if (typeof body.state_reason === "string") {
      issue.stateReason = body.state_reason;
    }
    issue.updatedAt = now;
    return json(200, issueJson(ctx.state, repo, issue));
  });

  router.add("GET", "/repos/:owner/:repo/assignees/:login", (ctx) => {
    const repo = requireRepo(ctx);
    if (isAssignable(repo, ctx.params.login)) return { status: 204 };
    throw notFound();
  });

  router.add("POST", "/repos/:owner/:repo/issues/:number/assignees", (ctx) => {
    const repo = requireRepo(ctx, "write");
    const issue = issueOr404(ctx, repo);
    // Logins that cannot be assigned are dropped without an error, as GitHub does here.
    const add = logins(bodyObject(ctx).assignees).filter((l) => isAssignable(repo, l));
    issue.assignees = [...new Set([...issue.assignees, ...add])];
    issue.updatedAt = isoNow();
    return json(201, issueJson(ctx.state, repo, issue));
  });

  router.add("DELETE", "/repos/:owner/:repo/issues/:number/assignees", (ctx) => {
    const repo = requireRepo(ctx, "write");
    const issue = issueOr404(ctx, repo);
    const remove = new Set(logins(bodyObject(ctx).assignees).map((l) => l.toLowerCase()));
    issue.assignees = issue.assignees.filter((a) => !remove.has(a.toLowerCase()));
    issue.updatedAt = isoNow();
    return json(200, issueJson(ctx.state, repo, issue));
  });
}
