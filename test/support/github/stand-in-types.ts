// The stand-in's in-memory records. Git data (commits, trees, diffs) is never copied here: it is
// read from the bare repositories on demand, so what the stand-in answers is what git computes.

export type PermissionLevel = "admin" | "maintain" | "write" | "triage" | "read" | "none";
export type Visibility = "public" | "private" | "internal";

export interface Actor {
  login: string;
  type: "User" | "Bot" | "Organization";
}

export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface RepoRecord {
  id: number;
  owner: Actor;
  name: string;
  fullName: string;
  private: boolean;
  visibility: Visibility;
  defaultBranch: string;
  /** null: the app is not installed on this repository (a fork, say). */
  installationId: number | null;
  bareDir: string;
  workDir: string;
  createdAt: string;
  forkOf: RepoRecord | null;
  permissions: Map<string, PermissionLevel>;
  labels: Map<string, LabelRecord>;
  /** Issues and pull requests share one number sequence, as on GitHub. */
  issues: Map<number, IssueRecord>;
  nextNumber: number;
}

export interface CommentRecord {
  id: number;
  issueNumber: number;
  body: string;
  user: Actor;
  createdAt: string;
  updatedAt: string;
}

export interface IssueRecord {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  stateReason: string | null;
  labels: string[];
  assignees: string[];
  user: Actor;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  comments: CommentRecord[];
  pull: PullRecord | null;
}

export interface PullRecord {
  id: number;
  headRepo: RepoRecord;
  headRef: string;
  baseRef: string;
  /** The head commit last synchronised into `refs/pull/N/head` of the base repository. */
  headSha: string;
  draft: boolean;
  mergedAt: string | null;
  reviews: ReviewRecord[];
  reviewComments: ReviewCommentRecord[];
}

export interface ReviewRecord {
  id: number;
  user: Actor;
  body: string;
  state: "COMMENTED" | "APPROVED" | "CHANGES_REQUESTED" | "PENDING";
  commitId: string;
  submittedAt: string | null;
  comments: ReviewCommentRecord[];
}

export interface ReviewCommentRecord {
  id: number;
  reviewId: number;
  path: string;
  line: number | null;
  side: "LEFT" | "RIGHT";
  startLine: number | null;
  startSide: "LEFT" | "RIGHT" | null;
  body: string;
  commitId: string;
  user: Actor;
  createdAt: string;
  diffHunk: string;
  inReplyTo: number | null;
}

export interface AnnotationRecord {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRunRecord {
  id: number;
  repo: RepoRecord;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  /** Every annotation sent, appended across updates as GitHub does. */
  annotations: AnnotationRecord[];
  actions: unknown[];
  checkSuiteId: number;
}

export interface InstallationRecord {
  id: number;
  account: Actor;
  createdAt: string;
}

export interface RecordedCall {
  /** When the request arrived, ms since the epoch. */
  at: number;
  method: string;
  /** Path after `/api/v3`, percent-decoded (`/repos/o/r/contents/.github/x.yml`). */
  path: string;
  query: Record<string, string>;
  /** 0 until the response has been sent. */
  status: number;
  /** Parsed JSON, or the text when it is not JSON, or undefined when empty. */
  requestBody: unknown;
  /** Request headers, with `authorization` redacted. */
  headers: Record<string, string>;
  /** True when no route matched: the app called an endpoint the stand-in does not serve. */
  unmatched?: boolean;
  /** True when the answer came from `fail()`. */
  faulted?: boolean;
}

export interface FaultOptions {
  method?: string;
  path: RegExp;
  status: number;
  /** How many matching calls fail (default 1; Infinity for all). */
  times?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface FaultHandle {
  /** Matching calls still to fail. */
  readonly remaining: number;
  /** How many calls this rule answered. */
  readonly hits: number;
  cancel(): void;
}

export type Identity =
  | { kind: "anonymous" }
  | { kind: "app"; jwt: string }
  | { kind: "installation"; installationId: number; actor: Actor }
  | { kind: "user"; actor: Actor };
