import { requireRepo } from "./auth.js";
import { readBlob, readPath, resolveCommit } from "./git-objects.js";
import { HttpError, json, notFound, wantsMedia, type RequestContext } from "./http-reply.js";
import type { Router } from "./router.js";
import { permissionOf, repoJson, userJson } from "./shapes-common.js";
import type { RepoRecord } from "./stand-in-types.js";

/** Base64 wrapped at 60 characters, as the contents and blobs APIs send it. */
function wrappedBase64(bytes: Buffer): string {
  return (bytes.toString("base64").match(/.{1,60}/g) ?? [""]).join("\n") + "\n";
}

function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

function contentEntry(
  ctx: RequestContext,
  repo: RepoRecord,
  ref: string,
  path: string,
  type: string,
  sha: string,
  size: number,
) {
  const api = `${ctx.state.apiUrl}/repos/${repo.fullName}`;
  const html = `${ctx.state.url}/${repo.fullName}/${type === "dir" ? "tree" : "blob"}/${ref}/${encodePath(path)}`;
  const url = `${api}/contents/${encodePath(path)}?ref=${encodeURIComponent(ref)}`;
  const gitUrl = `${api}/git/${type === "dir" ? "trees" : "blobs"}/${sha}`;
  return {
    type,
    size,
    name: path.split("/").pop() ?? path,
    path,
    sha,
    url,
    git_url: gitUrl,
    html_url: html,
    download_url: type === "file" ? `${ctx.state.url}/${repo.fullName}/raw/${ref}/${encodePath(path)}` : null,
    _links: { self: url, git: gitUrl, html },
  };
}

async function getContents(ctx: RequestContext) {
  const repo = requireRepo(ctx);
  const ref = ctx.query.get("ref") || repo.defaultBranch;
  const commit = await resolveCommit(repo.bareDir, ref);
  if (!commit) throw new HttpError(404, `No commit found for the ref ${ref}`);
  const path = (ctx.params.path ?? "").replace(/^\/+|\/+$/g, "");
  const found = await readPath(repo.bareDir, commit, path);
  if (!found) throw notFound();
  if (found.type === "tree") {
    // A directory is always a JSON array, even when raw was asked for: Probot's config plugin
    // relies on that content type to tell a directory from a file.
    const entries = found.entries.map((e) => {
      const type = e.type === "tree" ? "dir" : e.type === "commit" ? "submodule" : "file";
      return contentEntry(ctx, repo, ref, path ? `${path}/${e.name}` : e.name, type, e.sha, e.size ?? 0);
    });
    return json(200, entries);
  }
  if (wantsMedia(ctx, "raw")) {
    return { status: 200, raw: found.content, contentType: "text/plain; charset=utf-8" };
  }
  return json(200, {
    ...contentEntry(ctx, repo, ref, path, "file", found.sha, found.content.length),
    encoding: "base64",
    content: wrappedBase64(found.content),
  });
}

/** Repository metadata, file contents, blobs and collaborator permissions. */
export function registerRepoRoutes(router: Router): void {
  router.add("GET", "/repos/:owner/:repo", (ctx) => json(200, repoJson(ctx.state, requireRepo(ctx))));

  router.add("GET", "/repos/:owner/:repo/contents", getContents);
  router.add("GET", "/repos/:owner/:repo/contents/*path", getContents);

  router.add("GET", "/repos/:owner/:repo/git/blobs/:sha", async (ctx) => {
    const repo = requireRepo(ctx);
    const bytes = await readBlob(repo.bareDir, ctx.params.sha);
    if (!bytes) throw notFound();
    if (wantsMedia(ctx, "raw")) return { status: 200, raw: bytes, contentType: "application/octet-stream" };
    const sha = ctx.params.sha.toLowerCase();
    return json(200, {
      sha,
      node_id: Buffer.from(`Blob${sha}`).toString("base64"),
      size: bytes.length,
      url: `${ctx.state.apiUrl}/repos/${repo.fullName}/git/blobs/${sha}`,
      content: wrappedBase64(bytes),
      encoding: "base64",
    });
  });

  router.add("GET", "/repos/:owner/:repo/collaborators/:username/permission", (ctx) => {
    const repo = requireRepo(ctx);
    const login = ctx.params.username;
    const level = permissionOf(repo, login);
    // GitHub folds the finer roles into the classic three for `permission`, keeping the role name.
    const permission = level === "maintain" ? "write" : level === "triage" ? "read" : level;
    const rank = ["none", "read", "triage", "write", "maintain", "admin"].indexOf(level);
    return json(200, {
      permission,
      role_name: level,
      user: {
        ...userJson(ctx.state, { login, type: "User" }),
        permissions: {
          admin: rank >= 5,
          maintain: rank >= 4,
          push: rank >= 3,
          triage: rank >= 2,
          pull: rank >= 1,
        },
        role_name: level,
      },
    });
  });

  router.add("GET", "/repos/:owner/:repo/collaborators/:username", (ctx) => {
    const repo = requireRepo(ctx);
    const level = repo.permissions.get(ctx.params.username.toLowerCase());
    const isOwner = ctx.params.username.toLowerCase() === repo.owner.login.toLowerCase();
    if (isOwner || (level && level !== "none")) return { status: 204 };
    throw notFound();
  });
}
