import { redact } from "../../detect/index.js";

// Generous on purpose: anything that looks like a key is redacted, even text the detector would
// not report (a body of the wrong length), because output is public and a false scrub costs nothing.
const KEY_SHAPED = /moltbook_sk_[A-Za-z0-9_-]{32,}|moltdev_[A-Za-z0-9_-]{16,}/g;

/**
 * The last line of defence: every renderer passes its output through this, so a key that reached
 * a free-text field (an error message, a key name, a path) prints as its redacted form.
 */
export function scrubKeys(text: string): string {
  return text.replace(KEY_SHAPED, (key) => redact(key));
}

/** True when `text` holds something key-shaped. */
export function containsKeyShaped(text: string): boolean {
  return new RegExp(KEY_SHAPED.source).test(text);
}
