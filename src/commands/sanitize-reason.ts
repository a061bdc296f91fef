import { redactKeys } from "../detect/index.js";

const MAX_REASON_CHARS = 500;

/**
 * A reason as given in a command, fit to store and echo: a key pasted into it is redacted, spacing
 * collapsed, length capped. Rendering escapes it again.
 */
export function sanitizeReason(text: string): string {
  const clean = redactKeys(text).replace(/\s+/g, " ").trim();
  return clean.length > MAX_REASON_CHARS ? `${clean.slice(0, MAX_REASON_CHARS - 1)}…` : clean;
}
