import { redact } from "./redact.js";

// Looser than the detector on purpose: any API prefix with 32 or more key characters (even inside a
// longer run) and any developer prefix with 16 or more. This guards text on its way out (a reply, an
// error, a stored note), where a false scrub costs nothing and a miss publishes a key.
const KEY_SHAPED = /moltbook_sk_[A-Za-z0-9_-]{32,}|moltdev_[A-Za-z0-9_-]{16,}/g;
/** The same, without the global flag: `test` then keeps no `lastIndex` between calls. */
const ANY_KEY_SHAPED = new RegExp(KEY_SHAPED.source);

/** `text` with everything key-shaped in it replaced by its redacted form. */
export function redactKeys(text: string): string {
  return text.replace(KEY_SHAPED, (key) => redact(key));
}

/** True when `text` holds something key-shaped. */
export function containsKeyShaped(text: string): boolean {
  return ANY_KEY_SHAPED.test(text);
}
