import { fingerprint, redact } from "../../src/detect/index.js";
import { randomKey } from "../support/moltbook/random-key.js";

const PREFIX_LENGTH = "moltbook_sk_".length;

/** 32 random key characters. Keys are built at run time so the tree holds none. */
export function randomBody(): string {
  return randomKey().slice(PREFIX_LENGTH);
}

/** A fresh key, with the two forms the store may keep. */
export function testKey(): { raw: string; fingerprint: string; redacted: string } {
  const raw = randomKey();
  return { raw, fingerprint: fingerprint(raw), redacted: redact(raw) };
}
