import { createHash } from "node:crypto";

/** `sha256:` + the lower-case hex SHA-256 of the whole key, as the Moltbook contract defines it. */
export function fingerprint(key: string): string {
  return `sha256:${createHash("sha256").update(key, "utf8").digest("hex")}`;
}
