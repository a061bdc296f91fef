import { splitFullName, type Octokit } from "../../sources/github/octokit.js";
import type { GovernanceKind } from "../policy/types.js";
import { isDashboardBody } from "../render/dashboard-markers.js";
import { parseIssueMarker } from "../render/issue-marker.js";
import { issueObjectKey } from "./store-kind.js";

/** An issue the app filed earlier, as GitHub has it now. */
export interface FoundIssue {
  repo: string;
  githubId: number;
  number: number;
  state: "open" | "closed";
  title: string;
  body: string;
  labels: string[];
}

interface RepoIssues {
  byKey: Map<string, FoundIssue>;
  dashboard: FoundIssue | null;
}

/**
 * Re-finds the app's own issues when the store does not know them (a lost or new database): lists
 * each repository's issues carrying the app's label, any state (never the search API, which lags
 * and has its own limit), and keeps those a bot wrote whose hidden marker names a key and kind,
 * or the dashboard. Each repository is listed at most once per sweep.
 */
export class OwnIssueFinder {
  readonly #octokit: Octokit;
  readonly #label: string;
  readonly #repos = new Map<string, Promise<RepoIssues>>();

  constructor(octokit: Octokit, appLabel: string) {
    this.#octokit = octokit;
    this.#label = appLabel;
  }

  async find(repo: string, keyId: string, kind: GovernanceKind): Promise<FoundIssue | null> {
    return (await this.#list(repo)).byKey.get(issueObjectKey(keyId, kind)) ?? null;
  }

  async findDashboard(repo: string): Promise<FoundIssue | null> {
    return (await this.#list(repo)).dashboard;
  }

  /** Every per-key issue found in `repo`, by `keyId:kind`. */
  async all(repo: string): Promise<Map<string, FoundIssue>> {
    return (await this.#list(repo)).byKey;
  }

  #list(repo: string): Promise<RepoIssues> {
    const key = repo.toLowerCase();
    let listing = this.#repos.get(key);
    if (!listing) {
      listing = this.#fetch(repo);
      // A failed listing is not cached: the next caller tries again.
      listing.catch(() => this.#repos.delete(key));
      this.#repos.set(key, listing);
    }
    return listing;
  }

  async #fetch(repo: string): Promise<RepoIssues> {
    const issues = await this.#octokit.paginate(this.#octokit.rest.issues.listForRepo, {
      ...splitFullName(repo),
      labels: this.#label,
      state: "all",
      per_page: 100,
    });
    const out: RepoIssues = { byKey: new Map(), dashboard: null };
    for (const issue of issues) {
      if (issue.pull_request || issue.user?.type !== "Bot") continue;
      const found: FoundIssue = {
        repo,
        githubId: issue.id,
        number: issue.number,
        state: issue.state === "closed" ? "closed" : "open",
        title: issue.title,
        body: issue.body ?? "",
        labels: issue.labels.map((l) => (typeof l === "string" ? l : (l.name ?? ""))).filter(Boolean),
      };
      const marker = parseIssueMarker(found.body);
      if (marker) {
        const k = issueObjectKey(marker.keyId, marker.kind);
        // Oldest first wins, should a crash ever have left two.
        if (!out.byKey.has(k) || out.byKey.get(k)!.number > found.number) out.byKey.set(k, found);
      } else if (isDashboardBody(found.body) && (!out.dashboard || out.dashboard.number > found.number)) {
        out.dashboard = found;
      }
    }
    return out;
  }
}
