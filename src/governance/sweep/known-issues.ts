import type { GovernanceIssue } from "../../store/index.js";
import type { KeyRecord } from "../../moltbook/types.js";
import { GOVERNANCE_KINDS, type GovernanceLabels, type KeyEvaluation } from "../policy/types.js";
import type { DashboardKey } from "../render/render-dashboard.js";
import { findInstalled } from "./list-installed-repos.js";
import type { OwnIssueFinder } from "./own-issue-finder.js";
import { issueObjectKey } from "./store-kind.js";
import { knownFromGitHub, type KnownIssue } from "./sync-key-issue.js";

/** A governance-issue row as the sweep tracks it. */
export function knownFromRow(row: GovernanceIssue): KnownIssue {
  return {
    repo: row.repo,
    number: row.number,
    githubId: null,
    state: row.state,
    hash: row.contentHash,
    snoozedUntil: row.snoozedUntil,
    stored: true,
  };
}

/**
 * A fresh or lost store knows no issue: adopt every one the app filed before, in the governance
 * repository and in every installed project of a key, so issues of keys now back within policy
 * are closed too, not left open forever.
 */
export async function adoptAll(
  finder: OwnIssueFinder,
  known: Map<string, KnownIssue>,
  installed: ReadonlySet<string>,
  inventory: readonly KeyRecord[],
  governanceRepo: string | null,
  labels: GovernanceLabels,
): Promise<void> {
  const repos = new Set<string>(governanceRepo ? [governanceRepo] : []);
  for (const key of inventory) {
    const project = key.project ? findInstalled(installed, key.project.trim()) : null;
    if (project) repos.add(project);
  }
  for (const repo of repos) {
    for (const [id, found] of await finder.all(repo)) {
      if (!known.has(id)) known.set(id, knownFromGitHub(found, labels));
    }
  }
}

/** A key's line on the dashboard: its open issues, and its latest snooze still running. */
export function dashboardKey(
  evaluation: KeyEvaluation,
  known: Map<string, KnownIssue>,
  now: Date,
): DashboardKey {
  const issues = GOVERNANCE_KINDS.map((k) => known.get(issueObjectKey(evaluation.key.id, k))).filter(
    (i): i is KnownIssue => i !== undefined,
  );
  const snoozes = issues.map((i) => i.snoozedUntil).filter((d): d is Date => d !== null && d > now);
  const latest = snoozes.length ? new Date(Math.max(...snoozes.map((d) => d.getTime()))) : null;
  return {
    evaluation,
    issues: issues.filter((i) => i.state === "open").map((i) => ({ repo: i.repo, number: i.number })),
    snoozedUntil: latest?.toISOString() ?? null,
  };
}
