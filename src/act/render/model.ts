// The plain data every renderer takes. Built by the caller from findings, revocation results and
// the store; it never carries a raw key, only the redacted form and the fingerprint.
import type { Encoding, FindingKind } from "../../detect/index.js";

/** What happened to the key, as far as Moltbook Guard knows. */
export type IncidentStatus =
  /** Moltbook Guard revoked it. */
  | "revoked"
  /** It was revoked before this leak was handled. */
  | "already_revoked"
  /** Outside the organisation's inventory: reported to Moltbook, which revokes it. */
  | "reported"
  /** Revocation was attempted and failed; the key is still active and the app keeps retrying. */
  | "revoke_failed"
  /** Policy says report only: the key is still active. */
  | "report_only"
  /** Dry run: looked up, not revoked; the key is still active. */
  | "dry_run"
  /** Developer app keys cannot be revoked through the API. */
  | "not_revocable"
  | "unknown";

/** One place the key was seen. */
export interface IncidentLocation {
  /** A path in the repository, or a label for prose such as "(commit message)". */
  path: string;
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  column: number;
  encoding: Encoding;
  commit?: string;
  /** A link to the line; when absent one is built from the context. */
  url?: string;
}

/** One leaked key and everything known about it. */
export interface IncidentView {
  fingerprint: string;
  /** `moltbook_sk_` + first 4 + `…` + last 4. */
  redacted: string;
  kind: FindingKind;
  status: IncidentStatus;
  /** ISO time Moltbook revoked it (or accepted the report). */
  revokedAt?: string;
  /** ISO time the leak was seen: webhook received or push time. */
  detectedAt: string;
  /** Moltbook's id for the key, when it is in the inventory; used to filter the audit log. */
  keyId?: string;
  keyName?: string;
  keyOwner?: string;
  keyScopes?: string[];
  /** Actionable, never containing a key. */
  error?: string;
  locations: IncidentLocation[];
  /** True once the key no longer appears in the branch or pull request head. */
  removedFromHead: boolean;
}

export type Visibility = "public" | "private" | "internal";

/** Where the renderers' output goes. `now` is the only clock a renderer sees. */
export interface RenderContext {
  /** `owner/repo`. */
  repoFullName: string;
  visibility: Visibility;
  defaultBranch: string;
  prNumber?: number;
  headSha: string;
  /** The branch pushed to, when it is not a pull request. */
  branch?: string;
  /** GitHub login of whoever pushed. */
  pusher?: string;
  /** e.g. `https://github.com`, or a GitHub Enterprise Server host. */
  htmlBaseUrl: string;
  /** ISO. */
  now: string;
  /** The configuration documentation; defaults to {@link DEFAULT_DOCS_URL}. */
  docsUrl?: string;
  /** Moltbook's API base, for the commands in the steps; defaults to {@link DEFAULT_MOLTBOOK_API_URL}. */
  moltbookApiUrl?: string;
}

/** Where users read about `.github/moltbook-guard.yml`. */
export const DEFAULT_DOCS_URL =
  "https://github.com/moltbook-guard/moltbook-guard/blob/main/docs/configuration.md";

export const DEFAULT_MOLTBOOK_API_URL = "https://www.moltbook.com/api/v1";
