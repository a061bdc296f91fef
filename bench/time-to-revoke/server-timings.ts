// Server-side start and finish of every request the loopback servers answer, from Node's own
// diagnostics channels: precise spans without touching the servers' code.
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ServerSpan {
  port: number;
  method: string;
  /** Percent-decoded path, without the query. */
  path: string;
  start: number;
  end: number;
  status: number;
}

interface Message {
  request: IncomingMessage;
  response: ServerResponse;
  server: Server;
}

export interface ServerTimings {
  /** Finished requests to `port`, in order of finishing. */
  spans(port: number): ServerSpan[];
  stop(): void;
}

export function recordServerTimings(): ServerTimings {
  const started = new WeakMap<IncomingMessage, number>();
  const byPort = new Map<number, ServerSpan[]>();
  const onStart = (message: unknown) => started.set((message as Message).request, performanceNow());
  const onFinish = (message: unknown) => {
    const { request, response, server } = message as Message;
    const start = started.get(request);
    const address = server.address() as AddressInfo | null;
    if (start === undefined || !address) return;
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const span: ServerSpan = {
      port: address.port,
      method: request.method ?? "GET",
      path: decodePath(url.pathname),
      start,
      end: performanceNow(),
      status: response.statusCode,
    };
    const list = byPort.get(span.port) ?? [];
    list.push(span);
    byPort.set(span.port, list);
  };
  subscribe("http.server.request.start", onStart);
  subscribe("http.server.response.finish", onFinish);
  return {
    spans: (port) => byPort.get(port) ?? [],
    stop() {
      unsubscribe("http.server.request.start", onStart);
      unsubscribe("http.server.response.finish", onFinish);
    },
  };
}

/** Wall-clock milliseconds with sub-millisecond resolution, comparable with Date.now(). */
export function performanceNow(): number {
  return performance.timeOrigin + performance.now();
}

function decodePath(path: string): string {
  return path
    .split("/")
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    })
    .join("/");
}
