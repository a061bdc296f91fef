import type { z } from "zod";
import { MoltbookError } from "./errors.js";
import type { Operation } from "./operations.js";

/** Checks a success body against the contract; a mismatch means the endpoint is not Moltbook-compatible. */
export function parseResponse<T extends z.ZodType>(
  schema: T,
  body: unknown,
  operation: Operation,
  where: string,
): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "body"}: ${i.message}`)
    .join("; ");
  throw new MoltbookError(
    "invalid",
    `Moltbook's answer does not match the contract (${operation} at ${where}: ${issues}). To resolve, check that MOLTBOOK_API_URL serves the contract in docs/moltbook-api.md.`,
    { operation, retryable: false },
  );
}
