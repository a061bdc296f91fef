import type { KeyRecord } from "../../moltbook/types.js";
import { escapeMarkdown, inlineCode, plainText } from "../../report/markdown.js";
import type { RepoMapping } from "../policy/map-key-to-repo.js";
import type { GovernanceFinding, GovernanceKind, GovernancePolicy, KeyEvaluation } from "../policy/types.js";
import type { RenderedIssue } from "./rendered-issue.js";
import { describeAccountability } from "./describe-accountability.js";
import { describeLeastPrivilege } from "./describe-least-privilege.js";
import { describeRotation } from "./describe-rotation.js";
import type { IssueContent } from "./issue-content.js";
import { issueLabels } from "./issue-labels.js";
import { issueMarker } from "./issue-marker.js";
import { renderKeyFacts } from "./render-key-facts.js";

export interface KeyIssueContext {
  policy: GovernancePolicy;
  /** Where the issue goes and whom to assign (`mapKeyToRepo`). */
  mapping: RepoMapping;
  /** `owner/repo` of the governance dashboard, named in the steps. */
  governanceRepo: string;
  /** Only for coarse age buckets; the body holds no times, so it changes only when facts do. */
  now: Date;
}

/**
 * Title, body, labels and assignees of the issue for one key and one finding. A deterministic
 * function of the key, the policy, the mapping and the coarse age of the key: nothing volatile,
 * so `issueContentHash` changes only when something a maintainer would care about changed.
 */
export function renderKeyIssue(
  key: KeyRecord,
  finding: GovernanceFinding,
  ctx: KeyIssueContext,
): RenderedIssue {
  const content = describe(key, finding, ctx);
  const name = escapeMarkdown(key.name) || "unnamed";
  const body = [
    issueMarker(key.id, finding.kind),
    `## Moltbook key **${name}**: ${content.headline}`,
    "",
    `**Severity:** ${finding.severity}`,
    "",
    content.policy,
    "",
    "### The key",
    "",
    renderKeyFacts(key, ctx.policy, ctx.now),
    "",
    "### What to do",
    "",
    content.steps,
    "",
    ...filedHere(ctx.mapping),
    "---",
    "<sub>Moltbook Guard keeps this issue up to date at each sweep and closes it when the key is rotated, revoked " +
      "or back within policy. To pause it, comment `/moltbook-guard snooze 2w <reason>`; " +
      "for every command, `/moltbook-guard help`.</sub>",
    "",
  ].join("\n");
  return {
    title: `Moltbook key "${plainText(key.name) || "unnamed"}" (${plainText(key.prefix, 40)}…): ${content.headline}`,
    body,
    labels: issueLabels(finding, ctx.policy.labels),
    assignees: ctx.mapping.assignees,
  };
}

/** One rendered issue per finding of the evaluation, by kind. */
export function renderKeyIssues(
  evaluation: KeyEvaluation,
  ctx: KeyIssueContext,
): Map<GovernanceKind, RenderedIssue> {
  return new Map(evaluation.findings.map((f) => [f.kind, renderKeyIssue(evaluation.key, f, ctx)]));
}

function describe(key: KeyRecord, finding: GovernanceFinding, ctx: KeyIssueContext): IssueContent {
  switch (finding.kind) {
    case "rotation":
      return describeRotation(finding, key, ctx.policy, ctx.governanceRepo);
    case "least-privilege":
      return describeLeastPrivilege(finding, key, ctx.policy, ctx.governanceRepo);
    case "accountability":
      return describeAccountability(finding);
  }
}

function filedHere(mapping: RepoMapping): string[] {
  if (mapping.via === "project") return [];
  const why = mapping.project
    ? `Moltbook Guard is not installed on ${inlineCode(mapping.project)}, the key's project`
    : "the key records no project";
  return [`_Filed in the governance repository because ${why}._`, ""];
}
