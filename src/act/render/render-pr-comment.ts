import { redactKeys } from "../../detect/index.js";
import { escapeMarkdown, fitToLimit, inlineCode, plural } from "../../report/markdown.js";
import { statusLabel, statusSentence } from "./describe-status.js";
import { overallStage, type LifecycleStage } from "./lifecycle-stage.js";
import type { IncidentView, RenderContext } from "./model.js";
import { renderFooter } from "./render-footer.js";
import { renderIncidentFacts } from "./render-incident-facts.js";
import { renderRemediationSteps } from "./render-remediation-steps.js";

/** Marks the one comment Moltbook Guard keeps per pull request, so it is edited, never duplicated. */
export const PR_COMMENT_MARKER = "<!-- moltbook-guard:pr-comment -->";

/** True for a comment body Moltbook Guard wrote as its pull request comment. */
export function hasMarker(body: string | null | undefined): boolean {
  return typeof body === "string" && body.includes(PR_COMMENT_MARKER);
}

// GitHub rejects comment bodies over 65,536 characters.
const BODY_LIMIT = 65_000;
const MAX_DETAILED = 20;

const HEADLINE: Record<LifecycleStage, (n: number) => string> = {
  found: (n) =>
    n === 1
      ? "🚨 A Moltbook key leaked in this pull request"
      : `🚨 ${n} Moltbook keys leaked in this pull request`,
  revoked: (n) =>
    n === 1
      ? "🔒 The leaked key is revoked: now remove it from the code"
      : `🔒 The ${n} leaked keys are revoked: now remove them from the code`,
  removed: () => "⚠️ Removed from the code, but a leaked key still works",
  resolved: (n) =>
    n === 1
      ? "✅ Resolved: the leaked key is revoked and removed from the code"
      : `✅ Resolved: all ${n} leaked keys are revoked and removed from the code`,
};

const INTRO: Record<LifecycleStage, (n: number) => string> = {
  found: (n) =>
    `Moltbook Guard found ${n === 1 ? "a Moltbook key" : `${n} Moltbook keys`} in this pull request and acted as below. Please work through the checklist.`,
  revoked: (n) =>
    `${n === 1 ? "The key no longer works" : "The keys no longer work"}. Remove ${n === 1 ? "it" : "them"} from the code so nobody copies ${n === 1 ? "it" : "them"} somewhere new, then finish the checklist.`,
  removed: () =>
    "A key is gone from the pull request, but it was pushed, so anyone who saw it can still use it. **Revoke it now.**",
  resolved: () =>
    "Nothing is left to do in this pull request. Check the audit log for use since the leak, and purge the history if the repository is public.",
};

/**
 * The body of the one PR comment, rendered in full from the current state each time (found →
 * revoked → removed from the code → resolved), so editing it in place is all the caller does.
 */
export function renderPrComment(incidents: readonly IncidentView[], context: RenderContext): string {
  const stage = overallStage(incidents);
  const headline =
    incidents.length === 0
      ? "✅ No leaked Moltbook keys remain in this pull request"
      : HEADLINE[stage](incidents.length);
  const intro =
    incidents.length === 0
      ? "Every key reported here was dismissed or resolved."
      : INTRO[stage](incidents.length);
  const parts = [PR_COMMENT_MARKER, `### ${headline}`, "", intro, ""];
  for (const incident of incidents.slice(0, MAX_DETAILED)) {
    parts.push(
      `#### ${inlineCode(incident.redacted)}: ${statusLabel(incident.status)}`,
      "",
      statusSentence(incident, escapeMarkdown),
      "",
      renderIncidentFacts(incident, context),
      "",
    );
  }
  if (incidents.length > MAX_DETAILED) {
    parts.push(
      `And ${plural(incidents.length - MAX_DETAILED, "more key")}: see the Moltbook Guard check run.`,
      "",
    );
  }
  if (incidents.length > 0) parts.push("#### What to do", "", renderRemediationSteps(incidents, context), "");
  parts.push("---", renderFooter(context, "comment"));
  const cut = "_Cut to fit GitHub's limit: see the Moltbook Guard check run._";
  return fitToLimit(redactKeys(parts.join("\n")), BODY_LIMIT, cut);
}
