import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fingerprint } from "../../detect/index.js";
import { silentLogger } from "../logger.js";
import { FaultController } from "./faults.js";
import { handleControl } from "./handle-control.js";
import { BodyError, readJsonBody } from "./read-json-body.js";
import { RollingWindow, type WindowVerdict } from "./rolling-window.js";
import { matchRoute } from "./routes.js";
import { seedState } from "./seed-state.js";
import { errorReply, invalid, type Reply, type SimContext } from "./sim-context.js";
import { SimClock } from "./sim-clock.js";
import type { CallRecord } from "./sim-types.js";
import type { RunningSimulator, SimulatorOptions } from "./simulator-options.js";
import { SimulatorState } from "./simulator-state.js";
import { loadState } from "./state-file.js";

const OUTCOMES: Record<number, string> = {
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  422: "invalid",
  429: "rate_limited",
};

/** A faithful Moltbook on 127.0.0.1: every path, status and header of the contract, with faults on demand. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const log = options.logger ?? silentLogger;
  const clock = new SimClock(options.now);
  const start = clock.now();
  const seed = options.seed ?? 1;
  const { data, handout } =
    options.state !== undefined
      ? loadState(options.state, start, options.adminKey, options.adminScopes)
      : seedState({
          seed,
          keys: options.keys ?? 40,
          now: start,
          adminKey: options.adminKey,
          adminScopes: options.adminScopes,
          auditDays: options.auditDays ?? 14,
        });
  const state = new SimulatorState(data, () => clock.now());
  const faults = new FaultController(seed, options.faults);
  const limits = options.rateLimit ?? { limit: 100, windowMs: 60_000 };
  const window = new RollingWindow(limits.limit, limits.windowMs);

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const arrived = Date.now();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    if (options.control && url.pathname.startsWith("/_control/")) {
      const body = method === "PUT" ? await readJsonBody(req).catch(() => undefined) : undefined;
      const reply =
        handleControl(method, url.pathname, body, { state, faults, clock }) ??
        errorReply(404, "not_found", "No such control route.");
      return send(res, reply, null);
    }
    const route = matchRoute(method, url.pathname);
    const operation = route?.operation ?? "unknown";
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "")?.[1];
    const bearerFingerprint = bearer === undefined ? null : fingerprint(bearer);
    const record: CallRecord = {
      at: arrived,
      operation,
      status: null,
      outcome: "",
      caller: bearerFingerprint,
    };
    state.calls.push(record);
    const verdict = window.hit(bearerFingerprint ?? `ip:${req.socket.remoteAddress}`, arrived);
    const fault = faults.decide(operation, arrived);
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    const finish = (reply: Reply, outcome?: string): void => {
      record.status = reply.status;
      record.outcome = outcome ?? (reply.status < 300 ? "ok" : (OUTCOMES[reply.status] ?? "error"));
      record.ms = Date.now() - arrived;
      send(res, reply, verdict);
    };
    if (fault.kind === "drop") {
      record.outcome = "fault:drop";
      req.socket.destroy();
      return;
    }
    if (fault.kind === "error")
      return finish(
        errorReply(fault.status, "unavailable", "Moltbook is temporarily unavailable."),
        "fault:error",
      );
    if (!verdict.allowed)
      return finish(
        errorReply(
          429,
          "rate_limited",
          `Over ${verdict.limit} requests per ${limits.windowMs / 1000} s for this key. Retry after ${verdict.retryAfter} s.`,
        ),
      );
    if (!route) return finish(errorReply(404, "not_found", "No such endpoint. Paths start with /api/v1."));
    let body: unknown;
    if (method === "POST") {
      try {
        body = await readJsonBody(req);
      } catch (error) {
        if (error instanceof BodyError) return finish(invalid(error.message));
        throw error;
      }
    }
    const ctx: SimContext = { state, url, params: route.params, bearerFingerprint, body };
    const reply = route.handle(ctx);
    record.items = ctx.items;
    if (ctx.caller) {
      const ua = req.headers["user-agent"] ?? null;
      state.addAudit({
        at: clock.now().toISOString(),
        key_id: ctx.caller.id,
        ip: clientIp(req),
        method,
        path: url.pathname,
        status: reply.status,
        user_agent: ua,
      });
    }
    if (fault.kind === "timeout") {
      // Processed, never answered: the client has to give up, and a retry must be harmless.
      record.outcome = "fault:timeout";
      return;
    }
    finish(reply);
  };

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      log.error(
        { err: error instanceof Error ? error.message : String(error) },
        "moltbook simulator failed a request",
      );
      if (!res.headersSent) send(res, errorReply(500, "internal", "The simulator failed."), null);
    });
  });
  const wanted = options.port ?? 4010;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          `The Moltbook simulator cannot listen on 127.0.0.1:${wanted} (${error.code ?? error.message}). To resolve, pick another --port (0 picks a free one) or stop what uses it.`,
          { cause: error },
        ),
      ),
    );
    server.listen(wanted, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  log.info({ port, keys: state.keys.length }, "moltbook simulator listening");
  return {
    url: `http://127.0.0.1:${port}/api/v1`,
    port,
    state,
    faults,
    clock,
    handout,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, reply: Reply, verdict: WindowVerdict | null): void {
  if (res.destroyed) return;
  const headers: Record<string, string> = {};
  if (verdict) {
    headers["x-ratelimit-limit"] = String(verdict.limit);
    headers["x-ratelimit-remaining"] = String(verdict.remaining);
    headers["x-ratelimit-reset"] = String(verdict.reset);
    if (reply.status === 429) headers["retry-after"] = String(verdict.retryAfter);
  }
  if (reply.status === 204) {
    res.writeHead(204, headers).end();
    return;
  }
  headers["content-type"] = "application/json";
  res.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
}

function clientIp(req: IncomingMessage): string {
  const ip = req.socket.remoteAddress ?? "127.0.0.1";
  return ip.startsWith("::ffff:") ? ip.slice(7) : ip;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
