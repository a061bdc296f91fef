import { randomBytes } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { HttpError, notFound, type RequestContext } from "./http-reply.js";
import type { StandInState } from "./stand-in-state.js";
import type { Identity, RepoRecord } from "./stand-in-types.js";

// A JWT is three base64url parts whose first decodes to a JSON header naming an algorithm. The
// stand-in cannot check Probot's signature (it has no public key), but it can catch an app that
// sends an installation token, or nothing, where GitHub wants the app's JWT.
function looksLikeJwt(token: string): boolean {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((p) => /^[A-Za-z0-9_-]+$/.test(p))) return false;
  try {
    const header = JSON.parse(Buffer.from(parts[0], "base64url").toString("utf8")) as { alg?: unknown };
    return typeof header.alg === "string";
  } catch {
    return false;
  }
}

/** Who is calling, from the Authorization header; an unknown token is a 401 as on GitHub. */
export function identify(state: StandInState, headers: IncomingHttpHeaders): Identity {
  const header = headers.authorization;
  if (!header) return { kind: "anonymous" };
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header);
  const token = match?.[1] ?? "";
  if (looksLikeJwt(token)) return { kind: "app", jwt: token };
  const installationId = state.installationTokens.get(token);
  if (installationId !== undefined) return { kind: "installation", installationId, actor: state.botActor };
  const login = state.userTokens.get(token);
  if (login !== undefined) return { kind: "user", actor: { login, type: "User" } };
  throw new HttpError(401, "Bad credentials");
}

export function issueInstallationToken(state: StandInState, installationId: number): string {
  const token = `ghs_${randomBytes(18).toString("base64url").replace(/[-_]/g, "x")}`;
  state.installationTokens.set(token, installationId);
  return token;
}

export function issueUserToken(state: StandInState, login: string): string {
  const token = `ghu_${randomBytes(18).toString("base64url").replace(/[-_]/g, "x")}`;
  state.userTokens.set(token, login);
  return token;
}

export function requireApp(ctx: RequestContext): void {
  if (ctx.identity.kind !== "app") {
    throw new HttpError(401, "A JSON web token could not be decoded");
  }
}

export function requireInstallation(ctx: RequestContext): number {
  if (ctx.identity.kind !== "installation") {
    throw new HttpError(
      403,
      "This endpoint requires an installation access token. To resolve, authenticate as an installation.",
    );
  }
  return ctx.identity.installationId;
}

/**
 * The repository named by `:owner/:repo` if the caller may see it; 404 otherwise, as GitHub
 * answers for repositories outside an installation. Writes need a token.
 */
export function requireRepo(ctx: RequestContext, access: "read" | "write" = "read"): RepoRecord {
  const repo = ctx.state.findRepo(`${ctx.params.owner}/${ctx.params.repo}`);
  const identity = ctx.identity;
  if (identity.kind === "app") throw new HttpError(401, "Bad credentials");
  if (!repo) throw notFound();
  if (identity.kind === "installation") {
    if (repo.installationId !== identity.installationId) throw notFound();
    return repo;
  }
  if (identity.kind === "anonymous") {
    if (repo.private) throw notFound();
    if (access === "write") throw new HttpError(401, "Requires authentication");
    return repo;
  }
  const level = repo.permissions.get(identity.actor.login.toLowerCase());
  if (
    repo.private &&
    (level === undefined || level === "none") &&
    identity.actor.login !== repo.owner.login
  ) {
    throw notFound();
  }
  return repo;
}
