import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { identify } from "./auth.js";
import type { Faults } from "./faults.js";
import { HttpError, type Reply, type RequestContext } from "./http-reply.js";
import { safeDecode, type Router } from "./router.js";
import type { StandInState } from "./stand-in-state.js";
import type { RecordedCall } from "./stand-in-types.js";

const PREFIX = "/api/v3";

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function redactedHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(", ") : value;
    out[name] = name === "authorization" ? text.replace(/^(\S+)\s+.*$/, "$1 [redacted]") : text;
  }
  return out;
}

function parseBody(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Records the call, applies latency and faults, authenticates, routes and answers. */
export async function handleRequest(
  state: StandInState,
  router: Router,
  faults: Faults,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const at = Date.now();
  const raw = await readBody(req);
  const url = new URL(req.url ?? "/", state.url);
  const method = (req.method ?? "GET").toUpperCase();
  const rawPath = url.pathname.startsWith(PREFIX) ? url.pathname.slice(PREFIX.length) || "/" : url.pathname;
  const path = rawPath.split("/").map(safeDecode).join("/");
  const requestBody = parseBody(raw);
  const call: RecordedCall = {
    at,
    method,
    path,
    query: Object.fromEntries(url.searchParams),
    status: 0,
    requestBody,
    headers: redactedHeaders(req),
  };
  state.calls.push(call);
  state.written.push(`${method} ${req.url ?? ""}\n${raw.toString("utf8")}`);

  let reply: Reply;
  try {
    if (state.config.latencyMs > 0) await sleep(state.config.latencyMs);
    const injected = faults.take(method, path);
    if (injected) {
      call.faulted = true;
      reply = injected;
    } else {
      reply = await route(state, router, { method, rawPath, url, requestBody, req, call });
    }
  } catch (error) {
    reply =
      error instanceof HttpError
        ? error.toReply()
        : {
            status: 500,
            json: { message: `Stand-in error: ${error instanceof Error ? error.message : String(error)}` },
          };
  }
  call.status = reply.status;
  send(res, reply);
}

async function route(
  state: StandInState,
  router: Router,
  r: {
    method: string;
    rawPath: string;
    url: URL;
    requestBody: unknown;
    req: IncomingMessage;
    call: RecordedCall;
  },
): Promise<Reply> {
  if (!r.url.pathname.startsWith(PREFIX)) {
    r.call.unmatched = true;
    throw new HttpError(404, "Not Found");
  }
  const identity = identify(state, r.req.headers);
  if (identity.kind === "app") state.appJwts.push(identity.jwt);
  if (typeof r.requestBody === "string" && /json/.test(String(r.req.headers["content-type"] ?? ""))) {
    throw new HttpError(400, "Problems parsing JSON");
  }
  const match = router.match(r.method, r.rawPath);
  if (!match || "methodNotAllowed" in match) {
    r.call.unmatched = true;
    throw new HttpError(404, "Not Found");
  }
  const ctx: RequestContext = {
    state,
    method: r.method,
    params: match.params,
    query: r.url.searchParams,
    body: r.requestBody,
    headers: r.req.headers,
    identity,
    url: r.url,
  };
  return match.handler(ctx);
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = {
    "x-github-media-type": "github.v3; format=json",
    "x-ratelimit-limit": "5000",
    "x-ratelimit-remaining": "4999",
    "x-ratelimit-used": "1",
    "x-ratelimit-resource": "core",
    "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
    ...reply.headers,
  };
  let body: Buffer | undefined;
  if (reply.raw !== undefined) {
    body = Buffer.isBuffer(reply.raw) ? reply.raw : Buffer.from(reply.raw, "utf8");
    headers["content-type"] = reply.contentType ?? "text/plain; charset=utf-8";
  } else if (reply.json !== undefined && reply.status !== 204) {
    body = Buffer.from(JSON.stringify(reply.json), "utf8");
    headers["content-type"] = "application/json; charset=utf-8";
  }
  if (body) headers["content-length"] = String(body.length);
  res.writeHead(reply.status, headers);
  res.end(body);
}
