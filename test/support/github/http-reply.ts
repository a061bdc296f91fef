import type { IncomingHttpHeaders } from "node:http";
import type { StandInState } from "./stand-in-state.js";
import type { Identity } from "./stand-in-types.js";

export interface Reply {
  status: number;
  json?: unknown;
  /** A non-JSON body (raw file contents, diffs). */
  raw?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface RequestContext {
  state: StandInState;
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
  identity: Identity;
  /** The request URL with the stand-in's own origin, for Link headers. */
  url: URL;
}

const DOCS = "https://docs.github.com/rest";

/** An error answer in GitHub's shape: `{ message, errors?, documentation_url }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toReply(): Reply {
    return {
      status: this.status,
      json: { message: this.message, ...this.extra, documentation_url: DOCS, status: String(this.status) },
      headers: this.headers,
    };
  }
}

export const notFound = (): HttpError => new HttpError(404, "Not Found");

/** GitHub's 422 for a bad field: `{ message: "Validation Failed", errors: [...] }`. */
export function validationFailed(errors: Record<string, unknown>[]): HttpError {
  return new HttpError(422, "Validation Failed", { errors });
}

/** GitHub's 422 for a body that does not match the endpoint's schema. */
export function invalidRequest(lines: string[]): HttpError {
  return new HttpError(422, `Invalid request.\n\n${lines.join("\n")}`);
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, json: body, headers };
}

export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

/**
 * Slices a list by `per_page`/`page` and adds the Link header GitHub sends (prev/next/last/first),
 * built from the request URL so clients that follow `rel="next"` walk every page.
 */
export function paginate<T>(
  ctx: RequestContext,
  all: T[],
  options: { defaultPerPage?: number; maxPerPage?: number } = {},
): Page<T> {
  const { perPage, page } = pageParams(ctx, options);
  const items = all.slice((page - 1) * perPage, page * perPage);
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const link = linkHeader(ctx.url, page, last);
  return { items, headers: link ? { link } : {} };
}

export function pageParams(
  ctx: RequestContext,
  { defaultPerPage = 30, maxPerPage = 100 }: { defaultPerPage?: number; maxPerPage?: number } = {},
): { perPage: number; page: number } {
  const rawPerPage = Number(ctx.query.get("per_page"));
  const rawPage = Number(ctx.query.get("page"));
  const perPage =
    Number.isInteger(rawPerPage) && rawPerPage > 0 ? Math.min(rawPerPage, maxPerPage) : defaultPerPage;
  const page = Number.isInteger(rawPage) && rawPage > 0 ? rawPage : 1;
  return { perPage, page };
}

export function linkHeader(url: URL, page: number, last: number): string | undefined {
  const to = (p: number): string => {
    const u = new URL(url);
    u.searchParams.set("page", String(p));
    return `<${u.toString()}>`;
  };
  const parts: string[] = [];
  if (page > 1) parts.push(`${to(Math.min(page - 1, last))}; rel="prev"`);
  if (page < last) parts.push(`${to(page + 1)}; rel="next"`, `${to(last)}; rel="last"`);
  if (page > 1) parts.push(`${to(1)}; rel="first"`);
  return parts.length > 0 ? parts.join(", ") : undefined;
}

/** The JSON body as an object, or a 400 like GitHub's when it is not one. */
export function bodyObject(ctx: RequestContext): Record<string, unknown> {
  const body = ctx.body ?? {};
  if (typeof body !== "object" || Array.isArray(body)) {
    throw new HttpError(400, "Problems parsing JSON");
  }
  return body as Record<string, unknown>;
}

/** A positive integer path parameter, or 404 like GitHub for anything else. */
export function intParam(ctx: RequestContext, name: string): number {
  const value = Number(ctx.params[name]);
  if (!Number.isInteger(value) || value <= 0) throw notFound();
  return value;
}

/** True when the client asked for a raw file (`application/vnd.github.raw` or `.v3.raw`). */
export function wantsMedia(ctx: RequestContext, format: "raw" | "diff" | "patch"): boolean {
  const accept = String(ctx.headers.accept ?? "");
  return new RegExp(`application/vnd\\.github(?:\\.v3)?\\.${format}\\b`).test(accept);
}
