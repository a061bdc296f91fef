import { randomBytes } from "node:crypto";
import { fingerprint } from "../../src/detect/index.js";

/** The key alphabet, 64 characters, so `byte & 63` maps random bytes to it without bias. */
export const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

/** A crypto-random key body. Keys are always built at run time: no key-shaped literal in the tree. */
export function randomBody(length = 32): string {
  let s = "";
  for (const b of randomBytes(length)) s += ALPHABET[b & 63];
  return s;
}

export const API = "moltbook_sk_";
export const DEV = "moltdev_";

export function makeKey(body = randomBody()): string {
  return API + body;
}

/** A developer key token: random, with the upper/lower/digit mix the detector requires. */
export function makeDevKey(length = 40): string {
  for (;;) {
    const body = randomBody(length);
    if (/[A-Z]/.test(body) && /[a-z]/.test(body) && /[0-9]/.test(body)) return DEV + body;
  }
}

/** `n` copies of `c`: placeholders such as 32 x's are built too, so no file holds one. */
export function repeat(c: string, n: number): string {
  return c.repeat(n);
}

/** What tests compare instead of raw keys, so a failing test never prints one. */
export function fp(key: string): string {
  return fingerprint(key);
}
