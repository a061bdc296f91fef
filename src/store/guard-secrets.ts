import { redactKeys, scanText } from "../detect/index.js";

// What the store refuses outright, for API keys deliberately looser than the detector: any
// `moltbook_sk_` followed by 32 key characters, even inside a longer run, counts. A false alarm costs
// an error; a miss would put a key on disk. (Free text is scrubbed more widely, by redactKeys.)
const KEY_SHAPED = /moltbook_sk_[A-Za-z0-9_-]{32}/g;
const FINGERPRINT = /^sha256:[0-9a-f]{64}$/;

/**
 * True when `text` holds a key: an API-key shape as above, or anything the detector itself reports,
 * which adds developer keys and keys in an encoding (base64, %-escapes, split literals). Developer
 * keys go by the detector's test of the token, not by their prefix alone, so a branch or a path
 * named `moltdev_…` is still stored.
 */
export function containsKey(text: string): boolean {
  KEY_SHAPED.lastIndex = 0;
  return KEY_SHAPED.test(text) || scanText(text).length > 0;
}

/** Free text (errors, reasons, command arguments) is kept, with any key in it redacted. */
export const scrubKeys = redactKeys;

/** The last line of defence: every value the store writes passes here. */
export function assertNoKey(value: unknown, where: string): void {
  if (typeof value === "string" && containsKey(value)) {
    throw new Error(
      `The store refused a value that contains a Moltbook key (${where}). To resolve, store the key's fingerprint, redacted form or location instead; the key itself is re-read from its source when needed.`,
    );
  }
}

export function assertFingerprint(value: string, where: string): void {
  if (!FINGERPRINT.test(value)) {
    throw new Error(
      `Expected a key fingerprint ("sha256:" and 64 lower-case hex digits) but got something else (${where}). To resolve, pass finding.fingerprint, never the key or its redacted form.`,
    );
  }
}

/** A redacted form is short and elided; anything else is most likely a key passed by mistake. */
export function assertRedacted(value: string, where: string): void {
  if (!value.includes("…") || value.length > 40) {
    throw new Error(
      `Expected a redacted key such as "moltbook_sk_Ab3d…x9Q0" (${where}). To resolve, pass finding.redacted, never the key itself.`,
    );
  }
}
