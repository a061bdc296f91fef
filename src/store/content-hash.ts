import { createHash } from "node:crypto";

/** What `OwnedObject.contentHash` holds: an update whose body hashes the same is skipped. */
export function contentHash(body: string): string {
  return createHash("sha256").update(body, "utf8").digest("hex");
}
