import { MoltbookError } from "./errors.js";
import type { Operation } from "./operations.js";
import { scrubSecrets } from "./scrub-secrets.js";

export interface RequestSpec {
  operation: Operation;
  method: "GET" | "POST";
  /** Path under the base URL, parameters filled in, e.g. `/keys/key_1`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** The raw bearer to send, or null for an unauthenticated call. */
  bearer: string | null;
}

export interface RawResponse {
  status: number;
  body: unknown;
  headers: Headers;
  retryAfterMs?: number;
}

export interface SendOptions {
  baseUrl: string;
  timeoutMs: number;
  userAgent: string;
  /** Strings that must never reach an error message. */
  secrets: readonly string[];
}

/** One HTTP attempt with a timeout. Network failures and timeouts become retryable `unavailable` errors. */
export async function sendRequest(spec: RequestSpec, options: SendOptions): Promise<RawResponse> {
  const url = new URL(options.baseUrl.replace(/\/+$/, "") + spec.path);
  for (const [name, value] of Object.entries(spec.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  const headers: Record<string, string> = { accept: "application/json", "user-agent": options.userAgent };
  if (spec.bearer !== null) headers.authorization = `Bearer ${spec.bearer}`;
  if (spec.body !== undefined) headers["content-type"] = "application/json";
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const res = await fetch(url, {
      method: spec.method,
      headers,
      body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
      signal,
    });
    const text = await res.text();
    return { status: res.status, body: parseJson(text), headers: res.headers, retryAfterMs: retryAfter(res) };
  } catch (error) {
    const timedOut = signal.aborted;
    const what = timedOut
      ? `no answer within ${options.timeoutMs} ms`
      : networkReason(error, options.secrets);
    // A network failure arrives as "fetch failed" with the socket error as its cause, and is kept as
    // the cause. Without one, fetch refused the request itself, and its message can quote a header
    // value, the bearer included; loggers print causes, so only the scrubbed reason above is kept.
    const networkFailure = (error as { cause?: unknown }).cause !== undefined;
    throw new MoltbookError(
      "unavailable",
      `Moltbook did not answer (${what}, ${spec.operation} at ${describeBase(options.baseUrl)}). To resolve, check that MOLTBOOK_API_URL is reachable from this host; the call is safe to retry.`,
      { operation: spec.operation, retryable: true, cause: timedOut || !networkFailure ? undefined : error },
    );
  }
}

/** The base URL for messages: no user-info, no query. */
export function describeBase(baseUrl: string): string {
  try {
    const u = new URL(baseUrl);
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, "")}`;
  } catch {
    return "MOLTBOOK_API_URL";
  }
}

function parseJson(text: string): unknown {
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function retryAfter(res: Response): number | undefined {
  const value = res.headers.get("retry-after");
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function networkReason(error: unknown, secrets: readonly string[]): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message ?? (error as Error).message ?? "network error";
  return scrubSecrets(String(reason), secrets);
}
