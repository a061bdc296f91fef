import { fingerprint, redact } from "../../src/detect/index.js";
import { randomKey } from "../support/moltbook/random-key.js";

/** A fresh key, with the two forms the store may keep. Keys are built at run time so the tree holds none. */
export function testKey(): { raw: string; fingerprint: string; redacted: string } {
  const raw = randomKey();
  return { raw, fingerprint: fingerprint(raw), redacted: redact(raw) };
}
