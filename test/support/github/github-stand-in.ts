import { rm } from "node:fs/promises";
import type { Server } from "node:http";
import { issueInstallationToken, issueUserToken } from "./auth.js";
import { createRepo, type CreateRepoOptions } from "./create-repo.js";
import { forgetDiffs } from "./diff-files.js";
import type { Faults } from "./faults.js";
import { createIssue } from "./issues.js";
import { checkRunPayload } from "./payloads/check-run-payload.js";
import { installationPayload } from "./payloads/installation-payload.js";
import { issueCommentPayload, type IssueCommentPayloadOptions } from "./payloads/issue-comment-payload.js";
import { issuesPayload, type IssuesPayloadOptions } from "./payloads/issues-payload.js";
import { pullRequestPayload, type PullRequestPayloadOptions } from "./payloads/pull-request-payload.js";
import { pushPayload, type PushPayloadOptions } from "./payloads/push-payload.js";
import {
  openPullRequest,
  repoRecord,
  updatePullRequest,
  type OpenPullRequestOptions,
  type UpdatePullRequestOptions,
} from "./pull-requests.js";
import { checkRunsView, commentsView, issuesView, labelsView, reviewsView } from "./recorded-views.js";
import { forgetGitObjects } from "./git-objects.js";
import { RepoHandle } from "./repo-handle.js";
import type { StandInState } from "./stand-in-state.js";
import type { FaultHandle, FaultOptions, PermissionLevel, RecordedCall } from "./stand-in-types.js";

type RepoRef = RepoHandle | string;

/**
 * A recording stand-in for GitHub's REST API on 127.0.0.1, backed by real git repositories.
 * Point Probot at it with `GHE_HOST=standIn.host` and `GHE_PROTOCOL=http`.
 */
export class GitHubStandIn {
  readonly #state: StandInState;
  readonly #server: Server;
  readonly #faults: Faults;

  constructor(state: StandInState, server: Server, faults: Faults) {
    this.#state = state;
    this.#server = server;
    this.#faults = faults;
  }

  /** `http://127.0.0.1:PORT`; the API is under `/api/v3`. */
  get url(): string {
    return this.#state.url;
  }
  /** `127.0.0.1:PORT`, for GHE_HOST. */
  get host(): string {
    return new URL(this.#state.url).host;
  }
  /** `http://127.0.0.1:PORT/api/v3`, for Octokit's baseUrl. */
  get apiUrl(): string {
    return this.#state.apiUrl;
  }
  /** Every call in arrival order. */
  get calls(): RecordedCall[] {
    return this.#state.calls;
  }
  /** JWTs the app authenticated with. */
  get appJwts(): readonly string[] {
    return this.#state.appJwts;
  }
  get latencyMs(): number {
    return this.#state.config.latencyMs;
  }
  set latencyMs(ms: number) {
    this.#state.config.latencyMs = ms;
  }
  get maxPatchBytes(): number {
    return this.#state.config.maxPatchBytes;
  }
  set maxPatchBytes(bytes: number) {
    this.#state.config.maxPatchBytes = bytes;
  }
  get botLogin(): string {
    return this.#state.botActor.login;
  }

  // --- repositories, pull requests, issues, people ---

  createRepo(fullName: string, options?: CreateRepoOptions): Promise<RepoHandle> {
    return createRepo(this.#state, fullName, options);
  }

  /** A fork of `repo` owned by `owner` (not covered by the app's installation). */
  createFork(repo: RepoRef, owner: string): Promise<RepoHandle> {
    const base = repoRecord(this.#state, repo);
    return createRepo(
      this.#state,
      `${owner}/${base.name}`,
      { installationId: null, ownerType: "User" },
      base,
    );
  }

  repo(fullName: string): RepoHandle {
    return new RepoHandle(repoRecord(this.#state, fullName));
  }

  openPullRequest(options: OpenPullRequestOptions): Promise<number> {
    return openPullRequest(this.#state, options);
  }

  updatePullRequest(repo: RepoRef, number: number, changes: UpdatePullRequestOptions): Promise<void> {
    return updatePullRequest(this.#state, repo, number, changes);
  }

  /** An issue opened by a person (not the app), e.g. one whose body leaks a key. */
  openIssue(repo: RepoRef, issue: { title: string; body?: string; user: string; labels?: string[] }): number {
    const record = repoRecord(this.#state, repo);
    return createIssue(this.#state, record, issue, { login: issue.user, type: "User" }).number;
  }

  setPermission(repo: RepoRef, login: string, level: PermissionLevel): void {
    repoRecord(this.#state, repo).permissions.set(login.toLowerCase(), level);
  }

  /** A token acting as the app's installation, for clients in tests. */
  installationToken(installationId = 1): string {
    return issueInstallationToken(this.#state, installationId);
  }

  /** A token acting as a person. */
  userToken(login: string): string {
    return issueUserToken(this.#state, login);
  }

  // --- webhook payloads ---

  pushPayload(repo: RepoRef, options: PushPayloadOptions): Promise<Record<string, unknown>> {
    return pushPayload(this.#state, repoRecord(this.#state, repo), options);
  }

  pullRequestPayload(
    repo: RepoRef,
    number: number,
    action: string,
    options?: PullRequestPayloadOptions,
  ): Promise<Record<string, unknown>> {
    return pullRequestPayload(this.#state, repoRecord(this.#state, repo), number, action, options);
  }

  checkRunRerequestedPayload(
    repo: RepoRef,
    checkRunId: number,
    options: { sender?: string } = {},
  ): Record<string, unknown> {
    this.#checkRunOf(repo, checkRunId);
    return checkRunPayload(this.#state, checkRunId, { ...options, action: "rerequested" });
  }

  checkRunPayload(
    repo: RepoRef,
    checkRunId: number,
    options: { action?: string; sender?: string; requestedAction?: string } = {},
  ): Record<string, unknown> {
    this.#checkRunOf(repo, checkRunId);
    return checkRunPayload(this.#state, checkRunId, options);
  }

  issueCommentPayload(repo: RepoRef, options: IssueCommentPayloadOptions): Record<string, unknown> {
    return issueCommentPayload(this.#state, repoRecord(this.#state, repo), options);
  }

  issuesPayload(
    repo: RepoRef,
    number: number,
    action: string,
    options?: IssuesPayloadOptions,
  ): Record<string, unknown> {
    return issuesPayload(this.#state, repoRecord(this.#state, repo), number, action, options);
  }

  installationPayload(
    installationId = 1,
    options?: { action?: string; sender?: string },
  ): Record<string, unknown> {
    return installationPayload(this.#state, installationId, options);
  }

  // --- faults ---

  /** The next `times` calls matching `method` and `path` (decoded, after /api/v3) get this answer. */
  fail(options: FaultOptions): FaultHandle {
    return this.#faults.add(options);
  }

  clearFaults(): void {
    this.#faults.clear();
  }

  // --- what the app did, in GitHub's JSON shapes ---

  /** Issues only (pull requests excluded), oldest first. */
  issues(repo: RepoRef): Record<string, unknown>[] {
    return issuesView(this.#state, repo);
  }

  comments(repo: RepoRef, number: number): Record<string, unknown>[] {
    return commentsView(this.#state, repo, number);
  }

  /** Check runs with every annotation sent to them (`annotations`), oldest first. */
  checkRuns(repo: RepoRef): (Record<string, unknown> & { annotations: unknown[] })[] {
    return checkRunsView(this.#state, repo);
  }

  /** Reviews with their inline comments (`comments`). */
  reviews(
    repo: RepoRef,
    number: number,
  ): (Record<string, unknown> & { comments: Record<string, unknown>[] })[] {
    return reviewsView(this.#state, repo, number);
  }

  labels(repo: RepoRef): Record<string, unknown>[] {
    return labelsView(this.#state, repo);
  }

  /** Calls whose method and decoded path match. */
  callsTo(method: string, path: RegExp): RecordedCall[] {
    return this.#state.calls.filter((c) => c.method === method.toUpperCase() && path.test(c.path));
  }

  /** Every request URL and body sent to the stand-in, concatenated: assert no raw key is in it. */
  textWritten(): string {
    return this.#state.written.join("\n");
  }

  /** Forgets recorded calls and written text (repositories and records stay). */
  resetCalls(): void {
    this.#state.calls.length = 0;
    this.#state.written.length = 0;
  }

  async stop(): Promise<void> {
    this.#faults.clear();
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
    forgetGitObjects(this.#state.tmpDir);
    forgetDiffs(this.#state.tmpDir);
    await rm(this.#state.tmpDir, { recursive: true, force: true });
  }

  #checkRunOf(repo: RepoRef, id: number): void {
    const run = this.#state.checkRuns.get(id);
    if (!run || run.repo !== repoRecord(this.#state, repo)) {
      throw new Error(
        `No check run ${id} in ${String(repo)}. To resolve, pass the id of a run the app created there.`,
      );
    }
  }
}
