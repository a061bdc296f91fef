import { escapeMarkdown, inlineCode } from "../../report/markdown.js";
import type { GovernancePolicy, KeyEvaluation } from "../policy/types.js";
import { ageBucket } from "./age-bucket.js";
import { revokeMarker } from "./dashboard-markers.js";
import { describeOwner } from "./describe-owner.js";
import { findingHeadline } from "./finding-headline.js";
import { formatDate } from "./format-date.js";

export interface IssueRef {
  repo: string;
  number: number;
}

/**
 * One key on the dashboard: a "revoke now" checkbox (keys that still work), name and prefix,
 * owner, project, age, expiry, what is wrong, and links to its open issues.
 */
export function renderDashboardKeyLine(
  evaluation: KeyEvaluation,
  issues: readonly IssueRef[],
  snoozedUntil: string | null,
  ctx: { dashboardRepo: string; policy: GovernancePolicy; now: Date },
  options: { ownKey?: boolean } = {},
): string {
  const { key } = evaluation;
  const parts = [`**${escapeMarkdown(key.name) || "unnamed"}** ${inlineCode(`${key.prefix}…`)}`];
  const owner = describeOwner(key.owner, { mention: false });
  parts.push(
    owner === "_not recorded_"
      ? "no owner"
      : owner.startsWith("no GitHub login")
        ? "owner without GitHub login"
        : `owner ${owner}`,
  );
  if (key.project?.trim()) parts.push(inlineCode(key.project));
  parts.push(`created ${formatDate(key.created_at)}${bucket(key.created_at, ctx.now)}`);
  if (evaluation.state === "revoked") {
    parts.push(key.revoked_at ? `revoked ${formatDate(key.revoked_at)}` : `${key.status}`);
  } else {
    const expired = evaluation.state === "expired";
    parts.push(
      key.expires_at ? `${expired ? "expired" : "expires"} ${formatDate(key.expires_at)}` : "no expiry",
    );
    for (const f of evaluation.findings) {
      // A rotation date set by the expiry is already on the line.
      if (f.kind !== "rotation") parts.push(findingHeadline(f));
      else if (f.dueBecause === "max_age") parts.push(`rotation due ${formatDate(f.dueAt)}`);
    }
  }
  if (snoozedUntil) parts.push(`snoozed until ${formatDate(snoozedUntil)}`);
  const refs = [...issues]
    .sort((a, b) => (a.repo < b.repo ? -1 : a.repo > b.repo ? 1 : a.number - b.number))
    .map((i) =>
      i.repo.toLowerCase() === ctx.dashboardRepo.toLowerCase() ? `#${i.number}` : `${i.repo}#${i.number}`,
    );
  if (refs.length > 0) parts.push(refs.join(" "));
  // The app's own governance key gets no "revoke now" box: one slip would cut the app off.
  if (options.ownKey) parts.push("Moltbook Guard's own key");
  const box = evaluation.state === "revoked" || options.ownKey ? "- " : `- [ ] ${revokeMarker(key.id)} `;
  return box + parts.join(" · ");
}

function bucket(iso: string, now: Date): string {
  const text = ageBucket(iso, now);
  return text ? ` (${text})` : "";
}
