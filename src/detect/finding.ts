import type { SecretValue } from "./secret.js";

/** `moltbook_api_key` can be revoked through the Moltbook API; `moltbook_dev_key` cannot. */
export type FindingKind = "moltbook_api_key" | "moltbook_dev_key";

/** How the key was written where it was found. */
export type Encoding =
  "plain" | "base64" | "base64url" | "percent" | "escape" | "concatenation" | "line-continuation";

export interface Finding {
  kind: FindingKind;
  /** As given by the caller (a path relative to what was scanned, or a label such as a PR title). */
  path: string;
  /** 1-based line in the (new) file where the key, or the encoded text holding it, starts. */
  line: number;
  /** 1-based column, in characters, on that line. */
  column: number;
  encoding: Encoding;
  /** `sha256:` + hex SHA-256 of the whole key. */
  fingerprint: string;
  /** `moltbook_sk_` + first 4 + `…` + last 4. */
  redacted: string;
  /** The raw key, printable only as its redacted form. */
  secret: SecretValue;
  /** Set by history and push sources. */
  commit?: string;
}
