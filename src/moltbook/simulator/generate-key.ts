import type { Rng } from "./create-rng.js";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

/** A raw key made at run time from the seed; keys never exist as literals in the tree. */
export function generateKey(rng: Rng): string {
  let body = "";
  for (let i = 0; i < 32; i++) body += ALPHABET[Math.floor(rng.next() * ALPHABET.length)];
  return "moltbook_sk_" + body;
}

/** `moltbook_sk_` and the first four body characters: the record's `prefix`. */
export function keyPrefix(key: string): string {
  return key.slice(0, "moltbook_sk_".length + 4);
}
