import { redact } from "../detect/index.js";

const KEY_SHAPED = /moltbook_sk_[A-Za-z0-9_-]{32}/g;
const BEARER = /(Bearer\s+)\S+/gi;

/**
 * Text that came from elsewhere (a server's error message, a network error) is scrubbed before it
 * reaches an error or a log: any key-shaped string becomes its redacted form, and any of `secrets`
 * (the admin key, which need not be key-shaped) becomes `[redacted]`.
 */
export function scrubSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join("[redacted]");
  return out.replace(KEY_SHAPED, (key) => redact(key)).replace(BEARER, "$1[redacted]");
}
