import { redactKeys } from "../detect/index.js";

const BEARER = /(Bearer\s+)\S+/gi;

/**
 * Text that came from elsewhere (a server's error message, a network error) is scrubbed before it
 * reaches an error or a log: any key-shaped string becomes its redacted form, and any of `secrets`
 * (the admin key, which need not be key-shaped) becomes `[redacted]`.
 */
export function scrubSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join("[redacted]");
  return redactKeys(out).replace(BEARER, "$1[redacted]");
}
