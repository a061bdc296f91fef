// Durable job payloads. They hold ids and refs only, never text from a payload: a commit message
// or a PR body may contain a key, and the store must never hold one.

export type Visibility = "public" | "private" | "internal";

export interface RepoInfo {
  fullName: string;
  htmlUrl: string;
  defaultBranch: string;
  visibility: Visibility;
}

export interface ScanPushJob {
  installationId: number;
  repo: RepoInfo;
  ref: string;
  before: string;
  after: string;
  created: boolean;
  forced: boolean;
  payloadCommits: string[];
  pusher: string | null;
  /** When the webhook arrived (ms since epoch): the start of the exposure clock. */
  receivedAt: number;
}

export interface ScanPullRequestJob {
  installationId: number;
  repo: RepoInfo;
  number: number;
  headSha: string;
  receivedAt: number;
}

/**
 * A revocation that failed for a temporary reason is retried by running the scan that found the
 * key again: it re-reads the key from its source (the store never holds it) and re-renders the
 * comment or issue with the outcome.
 */
export interface RetryRevocationJob {
  installationId: number;
  /** The keys whose revocation failed; the retry stops once none of them is still failing. */
  fingerprints: string[];
  rerun:
    { kind: "scan_push"; payload: ScanPushJob } | { kind: "scan_pull_request"; payload: ScanPullRequestJob };
}
