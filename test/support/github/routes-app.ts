import { issueInstallationToken, requireApp, requireInstallation } from "./auth.js";
import { intParam, json, notFound, paginate, type RequestContext } from "./http-reply.js";
import type { Router } from "./router.js";
import { APP_PERMISSIONS, appJson, installationJson, repoJson } from "./shapes-common.js";
import { isoNow } from "./stand-in-state.js";

function installation(ctx: RequestContext) {
  const found = ctx.state.installations.get(intParam(ctx, "id"));
  if (!found) throw notFound();
  return found;
}

/** App-level endpoints (JWT) and the installation's view of its repositories. */
export function registerAppRoutes(router: Router): void {
  router.add("GET", "/app", (ctx) => {
    requireApp(ctx);
    return json(200, appJson(ctx.state));
  });

  router.add("GET", "/app/installations", (ctx) => {
    requireApp(ctx);
    const all = [...ctx.state.installations.values()].map((i) => installationJson(ctx.state, i));
    const page = paginate(ctx, all);
    return json(200, page.items, page.headers);
  });

  router.add("GET", "/app/installations/:id", (ctx) => {
    requireApp(ctx);
    return json(200, installationJson(ctx.state, installation(ctx)));
  });

  router.add("POST", "/app/installations/:id/access_tokens", (ctx) => {
    requireApp(ctx);
    const found = installation(ctx);
    const token = issueInstallationToken(ctx.state, found.id);
    return json(201, {
      token,
      expires_at: isoNow(new Date(Date.now() + 3_600_000)),
      permissions: APP_PERMISSIONS,
      repository_selection: "selected",
    });
  });

  router.add("GET", "/repos/:owner/:repo/installation", (ctx) => {
    requireApp(ctx);
    const repo = ctx.state.findRepo(`${ctx.params.owner}/${ctx.params.repo}`);
    const found = repo?.installationId != null ? ctx.state.installations.get(repo.installationId) : undefined;
    if (!found) throw notFound();
    return json(200, installationJson(ctx.state, found));
  });

  router.add("GET", "/installation/repositories", (ctx) => {
    const id = requireInstallation(ctx);
    const repos = [...ctx.state.repos.values()]
      .filter((r) => r.installationId === id)
      .map((r) => repoJson(ctx.state, r));
    const page = paginate(ctx, repos);
    return json(
      200,
      { total_count: repos.length, repository_selection: "selected", repositories: page.items },
      page.headers,
    );
  });
}
