import { randomBytes } from "node:crypto";

/** A fresh key-shaped string, made at run time so no key literal exists in the tree. */
export function randomKey(): string {
  // 24 random bytes are 32 base64url characters: exactly the body alphabet [A-Za-z0-9_-].
  return "moltbook_sk_" + randomBytes(24).toString("base64url");
}

/** A fresh developer-app key: `moltdev_` and a random token with upper, lower case and digits. */
export function randomDevKey(): string {
  for (;;) {
    const token = randomBytes(30).toString("base64url");
    if (/[A-Z]/.test(token) && /[a-z]/.test(token) && /[0-9]/.test(token)) return "moltdev_" + token;
  }
}

/** Matches any key-shaped string, to assert that none leaked into text. */
export const KEY_SHAPED = /moltbook_sk_[A-Za-z0-9_-]{32}/;
