import { createHash } from "node:crypto";

/**
 * `sha256:` + the lower-case hex SHA-256 of `text`: the one format of every content hash the store
 * keeps (`OwnedObject.contentHash`, `GovernanceIssue.contentHash`). It is labelled like a key
 * fingerprint so that a reader of the database meets one kind of digest. Callers that need a
 * canonical form build it first and hash that once (see governance/render/issue-content-hash.ts);
 * a hash is never hashed again.
 */
export function contentHash(text: string): string {
  return `sha256:${createHash("sha256").update(text, "utf8").digest("hex")}`;
}
