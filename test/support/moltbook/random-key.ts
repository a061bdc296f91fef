import { randomBytes } from "node:crypto";

/** A fresh key-shaped string, made at run time so no key literal exists in the tree. */
export function randomKey(): string {
  // 24 random bytes are 32 base64url characters: exactly the body alphabet [A-Za-z0-9_-].
  return "moltbook_sk_" + randomBytes(24).toString("base64url");
}

/** Matches any key-shaped string, to assert that none leaked into text. */
export const KEY_SHAPED = /moltbook_sk_[A-Za-z0-9_-]{32}/;
