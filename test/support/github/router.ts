import type { Reply, RequestContext } from "./http-reply.js";

export type Handler = (ctx: RequestContext) => Promise<Reply> | Reply;

interface Route {
  method: string;
  regex: RegExp;
  names: string[];
  handler: Handler;
}

export type RouteMatch =
  { handler: Handler; params: Record<string, string> } | { methodNotAllowed: true } | null;

/**
 * Matches `/repos/:owner/:repo/contents/*path`-style patterns against the raw (still
 * percent-encoded) path, then decodes each parameter: Octokit sends `{path}` and `{ref}` with `/`
 * as `%2F`, and a `*rest` parameter accepts either form. Routes match in the order added.
 */
export class Router {
  readonly #routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    const names: string[] = [];
    const source = pattern
      .split("/")
      .map((segment) => {
        if (segment.startsWith(":")) {
          names.push(segment.slice(1));
          return "([^/]+)";
        }
        if (segment.startsWith("*")) {
          names.push(segment.slice(1));
          return "(.+?)";
        }
        return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      })
      .join("/");
    this.#routes.push({ method, regex: new RegExp(`^${source}/?$`), names, handler });
    return this;
  }

  match(method: string, rawPath: string): RouteMatch {
    let pathMatched = false;
    for (const route of this.#routes) {
      const m = route.regex.exec(rawPath);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = safeDecode(m[i + 1])));
      return { handler: route.handler, params };
    }
    return pathMatched ? { methodNotAllowed: true } : null;
  }
}

export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
