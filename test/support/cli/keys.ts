import { randomBytes } from "node:crypto";

const PREFIX = "moltbook_" + "sk_";

/**
 * A fresh, random, key-shaped string. Built at run time so that no key-shaped literal is ever in
 * the tree: the project's own scanner must find nothing in its own files.
 */
export function makeKey(): string {
  // base64url of 24 random bytes is exactly 32 characters of [A-Za-z0-9_-].
  return PREFIX + randomBytes(24).toString("base64url");
}

/** True if any raw key from `keys` appears in `text` (the check every output must pass). */
export function containsRawKey(text: string, keys: readonly string[]): boolean {
  return keys.some((k) => text.includes(k) || text.includes(k.slice(PREFIX.length)));
}
