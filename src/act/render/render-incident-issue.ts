import { DEFAULT_CONFIG } from "../../config/index.js";
import { redactKeys } from "../../detect/index.js";
import { escapeMarkdown, fitToLimit, inlineCode } from "../../report/markdown.js";
import { statusLabel, statusSentence } from "./describe-status.js";
import { isMentionableLogin } from "./github-login.js";
import { lifecycleStage, type LifecycleStage } from "./lifecycle-stage.js";
import type { IncidentView, RenderContext } from "./model.js";
import { renderFooter } from "./render-footer.js";
import { renderIncidentFacts } from "./render-incident-facts.js";
import { renderRemediationSteps } from "./render-remediation-steps.js";

export interface RenderedIncidentIssue {
  title: string;
  body: string;
  labels: string[];
  /** The pusher, when they may be assigned. */
  assignees: string[];
}

export interface IncidentIssueOptions {
  /** From the config's `issues.labels`. */
  labels?: readonly string[];
  /** From the config's `issues.assign_pusher`. */
  assignPusher?: boolean;
}

const MARKER = /<!-- moltbook-guard:incident (sha256:[0-9a-f]{64}) -->/;
const BODY_LIMIT = 65_000;
// An issue lists every sighting; past this many the rest are counted.
const MAX_SIGHTINGS = 100;

/** The hidden marker that ties an issue to one key, so later sightings update it. */
export function incidentMarker(fingerprint: string): string {
  if (!/^sha256:[0-9a-f]{64}$/.test(fingerprint)) {
    throw new TypeError(
      "Incident fingerprint is not `sha256:` and 64 lower-case hex digits (incidentMarker). To resolve, pass the Finding's fingerprint.",
    );
  }
  return `<!-- moltbook-guard:incident ${fingerprint} -->`;
}

/** The fingerprint in an issue body's marker, or undefined for an issue Moltbook Guard did not open. */
export function parseIncidentMarker(body: string | null | undefined): string | undefined {
  return typeof body === "string" ? MARKER.exec(body)?.[1] : undefined;
}

const HEADLINE: Record<LifecycleStage, string> = {
  found: "🚨 A leaked Moltbook key needs action",
  revoked: "🔒 The leaked key is revoked: now remove it from the code",
  removed: "⚠️ Removed from the code, but the leaked key still works",
  resolved: "✅ Resolved: the leaked key is revoked and removed from the code",
};

/**
 * The incident issue for a key pushed outside any open pull request, rendered in full from the
 * current view: a later sighting re-renders it with every place the key has been seen.
 */
export function renderIncidentIssue(
  incident: IncidentView,
  context: RenderContext,
  options: IncidentIssueOptions = {},
): RenderedIncidentIssue {
  const stage = lifecycleStage(incident);
  const kind = incident.kind === "moltbook_dev_key" ? "Moltbook developer key" : "Moltbook API key";
  const state = `${statusLabel(incident.status)}${incident.removedFromHead ? ", removed from the code" : ""}`;
  const title = `Leaked ${kind} ${incident.redacted} (${state})`;

  const mention = isMentionableLogin(context.pusher) ? `@${context.pusher}` : undefined;
  const where = context.branch ? ` to ${inlineCode(context.branch)}` : "";
  const who = mention ? `${mention}, a key was pushed${where}` : `A key was pushed${where}`;
  const parts = [
    incidentMarker(incident.fingerprint),
    `### ${HEADLINE[stage]}`,
    "",
    `${who} in ${inlineCode(context.repoFullName)}. ${statusSentence(incident, escapeMarkdown)}`,
    "",
    renderIncidentFacts(incident, context, MAX_SIGHTINGS),
    "",
    "#### What to do",
    "",
    renderRemediationSteps([incident], context),
    "",
    "---",
    renderFooter(context, "issue"),
  ];
  const labels = [...new Set((options.labels ?? DEFAULT_CONFIG.issues.labels).map(redactKeys))];
  const assignees = options.assignPusher !== false && mention ? [context.pusher as string] : [];
  return {
    title: redactKeys(title),
    body: fitToLimit(redactKeys(parts.join("\n")), BODY_LIMIT, "_Cut to fit GitHub's limit._"),
    labels,
    assignees,
  };
}
