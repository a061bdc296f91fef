import { MoltbookError } from "./errors.js";
import { OPERATION_SCOPES, type Operation } from "./operations.js";
import { scrubSecrets } from "./scrub-secrets.js";

export interface FailedResponse {
  operation: Operation;
  status: number;
  body: unknown;
  retryAfterMs?: number;
  /** Where the call went, without credentials, for the message. */
  where: string;
  secrets: readonly string[];
}

/** Turns a non-success answer into a typed error whose message says what to do. */
export function errorFromResponse(r: FailedResponse): MoltbookError {
  const said = serverMessage(r.body, r.secrets);
  const at = `${r.status} on ${r.operation} at ${r.where}${said ? `: ${said}` : ""}`;
  const details = { operation: r.operation, status: r.status, retryAfterMs: r.retryAfterMs };
  if (r.status === 401) {
    return new MoltbookError(
      "unauthorized",
      `Moltbook rejected MOLTBOOK_ADMIN_KEY (${at}). To resolve, set MOLTBOOK_ADMIN_KEY to a live governance key of the organisation (it may have been revoked or have expired) and restart.`,
      details,
    );
  }
  if (r.status === 403) {
    const scope = OPERATION_SCOPES[r.operation] ?? "the scope this call needs";
    return new MoltbookError(
      "forbidden",
      `MOLTBOOK_ADMIN_KEY lacks ${scope} (${at}). To resolve, grant the governance key ${scope} in Moltbook; it needs keys:read, keys:revoke and audit:read, and nothing more.`,
      details,
    );
  }
  if (r.status === 429) {
    const wait =
      r.retryAfterMs === undefined ? "" : `; Moltbook asked to wait ${Math.ceil(r.retryAfterMs / 1000)} s`;
    return new MoltbookError(
      "rate_limited",
      `Moltbook's rate limit was reached (${at}${wait}). To resolve, wait and retry; every instance sharing MOLTBOOK_ADMIN_KEY should share one budget through REDIS_URL.`,
      details,
    );
  }
  if (r.status >= 500) {
    return new MoltbookError(
      "unavailable",
      `Moltbook is unavailable (${at}). To resolve, retry later (the call is safe to repeat) and check Moltbook's status and MOLTBOOK_API_URL.`,
      details,
    );
  }
  if (r.status === 404) {
    return new MoltbookError(
      "invalid",
      `Moltbook has no such endpoint (${at}). To resolve, set MOLTBOOK_API_URL to the API's base URL including /api/v1.`,
      details,
    );
  }
  return new MoltbookError(
    "invalid",
    `Moltbook refused the request as invalid (${at}). To resolve, check that MOLTBOOK_API_URL serves the contract in docs/moltbook-api.md; if it does, report this as a Moltbook Guard bug.`,
    details,
  );
}

function serverMessage(body: unknown, secrets: readonly string[]): string {
  const error = (body as { error?: unknown } | null)?.error;
  const text =
    typeof error === "string"
      ? error
      : typeof (error as { message?: unknown } | undefined)?.message === "string"
        ? (error as { message: string }).message
        : "";
  return scrubSecrets(text.slice(0, 300), secrets);
}
