import { handleAgentsMe } from "./handle-agents-me.js";
import { handleAuditLogs } from "./handle-audit-logs.js";
import { handleCredentials } from "./handle-credentials.js";
import { handleGetKey, handleListKeys } from "./handle-keys.js";
import { handleLookup } from "./handle-lookup.js";
import { handleRevoke } from "./handle-revoke.js";
import type { Reply, SimContext } from "./sim-context.js";

export const API_PREFIX = "/api/v1";

interface Route {
  operation: string;
  method: "GET" | "POST";
  pattern: RegExp;
  handle: (ctx: SimContext) => Reply;
}

// Order matters: /keys/lookup and /keys/revoke before /keys/{id}.
const ROUTES: Route[] = [
  { operation: "GET /agents/me", method: "GET", pattern: /^\/agents\/me$/, handle: handleAgentsMe },
  { operation: "GET /keys", method: "GET", pattern: /^\/keys$/, handle: handleListKeys },
  { operation: "POST /keys/lookup", method: "POST", pattern: /^\/keys\/lookup$/, handle: handleLookup },
  { operation: "POST /keys/revoke", method: "POST", pattern: /^\/keys\/revoke$/, handle: handleRevoke },
  { operation: "GET /keys/{id}", method: "GET", pattern: /^\/keys\/(?<id>[^/]+)$/, handle: handleGetKey },
  {
    operation: "POST /credentials/revoke",
    method: "POST",
    pattern: /^\/credentials\/revoke$/,
    handle: handleCredentials,
  },
  { operation: "GET /audit-logs", method: "GET", pattern: /^\/audit-logs$/, handle: handleAuditLogs },
];

export interface RouteMatch {
  operation: string;
  method: "GET" | "POST";
  params: Record<string, string>;
  handle: (ctx: SimContext) => Reply;
}

/** The route for a request under /api/v1, or null. */
export function matchRoute(method: string, pathname: string): RouteMatch | null {
  if (!pathname.startsWith(API_PREFIX + "/")) return null;
  const path = pathname.slice(API_PREFIX.length);
  for (const route of ROUTES) {
    const m = route.pattern.exec(path);
    if (m && route.method === method) {
      const params = Object.fromEntries(
        Object.entries(m.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]),
      );
      return { operation: route.operation, method: route.method, params, handle: route.handle };
    }
  }
  return null;
}
