import { randomBytes } from "node:crypto";
import { fingerprint, redact } from "../../src/detect/index.js";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

/** 32 random key characters. Keys are built at run time so the tree holds none. */
export function randomBody(): string {
  return [...randomBytes(32)].map((b) => ALPHABET[b % ALPHABET.length]).join("");
}

/** A fresh key, with the two forms the store may keep. */
export function testKey(): { raw: string; fingerprint: string; redacted: string } {
  const raw = "moltbook_sk_" + randomBody();
  return { raw, fingerprint: fingerprint(raw), redacted: redact(raw) };
}
