/** What went wrong, in the terms a caller acts on. `act/` retries `unavailable` and `rate_limited`. */
export type MoltbookErrorCode = "unauthorized" | "forbidden" | "rate_limited" | "unavailable" | "invalid";

export interface MoltbookErrorDetails {
  /** `METHOD /path` as the contract names it, e.g. `POST /keys/revoke`. */
  operation: string;
  status?: number;
  /** Whether trying the same call again may succeed (network errors, 5xx, 429). */
  retryable?: boolean;
  /** From `Retry-After` on a 429. */
  retryAfterMs?: number;
  cause?: unknown;
}

/** Every failure of the Moltbook client. Messages never hold a raw key or the admin key. */
export class MoltbookError extends Error {
  override readonly name = "MoltbookError";
  readonly code: MoltbookErrorCode;
  readonly operation: string;
  readonly status?: number;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;

  constructor(code: MoltbookErrorCode, message: string, details: MoltbookErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.operation = details.operation;
    this.status = details.status;
    this.retryable = details.retryable ?? (code === "unavailable" || code === "rate_limited");
    this.retryAfterMs = details.retryAfterMs;
  }
}

export function isMoltbookError(error: unknown): error is MoltbookError {
  return error instanceof MoltbookError;
}
