import { redact } from "../detect/index.js";

const KEY_SHAPED = /(moltbook_sk_|moltdev_)[A-Za-z0-9_-]{8,}/g;

/**
 * A value from the file, as an error message shows it: short, and with anything key-shaped
 * redacted, since people do paste keys into config files and errors end up in check runs.
 */
export function quoteValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value !== "string") return String(value);
  const safe = value.replace(KEY_SHAPED, (key) => redact(key));
  return JSON.stringify(safe.length > 60 ? `${safe.slice(0, 57)}...` : safe);
}
