import { CONFIG_FILE } from "../../config/index.js";
import { redactKeys } from "../../detect/index.js";
import { escapeMarkdown, fitToLimit, inlineCode, plural, tableCell } from "../../report/markdown.js";
import { statusLabel, statusSentence, timeToRevoke } from "./describe-status.js";
import { isKeyNeutralised } from "./lifecycle-stage.js";
import type { IncidentView, RenderContext } from "./model.js";
import { renderIncidentFacts } from "./render-incident-facts.js";
import { renderLocation, uniqueLocations } from "./render-location.js";
import { renderRemediationSteps } from "./render-remediation-steps.js";
import { formatTimestamp } from "./render-time.js";
import { renderAnnotations, type CheckRunAnnotation } from "./render-annotations.js";

export type { CheckRunAnnotation } from "./render-annotations.js";

export const CHECK_RUN_NAME = "Moltbook Guard";

export interface RenderedCheckRun {
  name: typeof CHECK_RUN_NAME;
  status: "completed";
  conclusion: "success" | "failure";
  completed_at: string;
  output: { title: string; summary: string; text?: string; annotations: CheckRunAnnotation[] };
}

export interface CheckRunOptions {
  /** What was scanned, for the clean-scan summary. */
  scanned?: { files: number; commits?: number };
  /** Field errors from validating the repository config; defaults were applied for them. */
  configErrors?: readonly string[];
  /** Text that could not be scanned, reported rather than dropped. */
  skipped?: readonly { path: string; commit?: string; reason: string }[];
}

// GitHub rejects a summary or text over 65,535 characters; leave room for the notice.
const OUTPUT_LIMIT = 65_000;
const MAX_TABLE_ROWS = 50;
const MAX_DETAILED = 20;

/**
 * The check run for one scan. It fails while any key still works or is still in the head, and
 * passes, saying so plainly, once every key is revoked and gone. Never neutral: a leak is never
 * "nothing to report".
 */
export function renderCheckRun(
  incidents: readonly IncidentView[],
  context: RenderContext,
  options: CheckRunOptions = {},
): RenderedCheckRun {
  const active = incidents.filter((i) => !isKeyNeutralised(i.status));
  const inCode = incidents.filter((i) => !i.removedFromHead);
  const failing = active.length > 0 || inCode.length > 0;
  const scope = context.prNumber !== undefined ? "this pull request" : "this push";

  let title: string;
  const summary: string[] = [];
  let text: string | undefined;
  if (incidents.length === 0) {
    title = "No Moltbook keys found";
    summary.push(`No Moltbook keys found${scannedPhrase(options.scanned)}.`);
  } else {
    const keys = plural(incidents.length, "leaked Moltbook key");
    title =
      active.length > 0
        ? `${keys}: ${active.length} still active`
        : inCode.length > 0
          ? `${keys} revoked; ${inCode.length} still in the code`
          : incidents.length === 1
            ? "Leaked key revoked and removed from the code"
            : `All ${incidents.length} leaked keys revoked and removed from the code`;
    summary.push(
      `**${keys}** found in ${scope}.`,
      "",
      renderTable(incidents, context),
      "",
      verdict(incidents, active, inCode),
    );
    text = fitToLimit(
      redactKeys(renderText(incidents, context)),
      OUTPUT_LIMIT,
      "_Details cut to fit GitHub's limit._",
    );
  }
  if (options.configErrors && options.configErrors.length > 0) {
    summary.push("", renderConfigErrors(options.configErrors, context));
  }
  if (options.skipped && options.skipped.length > 0) {
    summary.push("", renderSkipped(options.skipped));
  }

  return {
    name: CHECK_RUN_NAME,
    status: "completed",
    conclusion: failing ? "failure" : "success",
    completed_at: context.now,
    output: {
      title: redactKeys(title),
      summary: fitToLimit(
        redactKeys(summary.join("\n")),
        OUTPUT_LIMIT,
        "_Summary cut to fit GitHub's limit._",
      ),
      ...(text !== undefined ? { text } : {}),
      annotations: renderAnnotations(incidents),
    },
  };
}

function scannedPhrase(scanned: CheckRunOptions["scanned"]): string {
  if (!scanned) return "";
  const commits = scanned.commits !== undefined ? ` across ${plural(scanned.commits, "commit")}` : "";
  return ` in ${plural(scanned.files, "file")}${commits}`;
}

function renderTable(incidents: readonly IncidentView[], context: RenderContext): string {
  const rows = incidents.slice(0, MAX_TABLE_ROWS).map((i) => {
    const places = uniqueLocations(i.locations);
    const where = places.length === 0 ? "—" : renderLocation(places[0], context);
    const more = places.length > 1 ? ` and ${places.length - 1} more` : "";
    const state = `${statusLabel(i.status)}; ${i.removedFromHead ? "removed from the code" : "still in the code"}`;
    const revokedAt = i.revokedAt && isKeyNeutralised(i.status) ? formatTimestamp(i.revokedAt) : "—";
    const cells = [inlineCode(i.redacted), `${where}${more}`, state, revokedAt, timeToRevoke(i) ?? "—"];
    return `| ${cells.map(tableCell).join(" | ")} |`;
  });
  if (incidents.length > MAX_TABLE_ROWS)
    rows.push(`| and ${incidents.length - MAX_TABLE_ROWS} more keys | | | | |`);
  return [
    "| Key | Where | Status | Revoked at | Push → revoke |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

function verdict(incidents: readonly IncidentView[], active: IncidentView[], inCode: IncidentView[]): string {
  if (active.length === 0 && inCode.length === 0) {
    const subject = incidents.length === 1 ? "The leaked key is" : `All ${incidents.length} leaked keys are`;
    return (
      `${subject} revoked and removed from the code. Nothing left to do here, but check the audit log for use ` +
      "since the leak and, if the repository is public, purge the history (see the steps in the details)."
    );
  }
  const todo: string[] = [];
  if (active.length > 0)
    todo.push(
      `${plural(active.length, "key")} still ${active.length === 1 ? "works" : "work"} and must be revoked`,
    );
  if (inCode.length > 0) todo.push(`${plural(inCode.length, "key")} must be removed from the code`);
  return `This check fails until every key is revoked and removed from the code: ${todo.join("; ")}.`;
}

function renderText(incidents: readonly IncidentView[], context: RenderContext): string {
  const parts: string[] = [];
  for (const incident of incidents.slice(0, MAX_DETAILED)) {
    parts.push(
      `### ${inlineCode(incident.redacted)}`,
      "",
      statusSentence(incident, escapeMarkdown),
      "",
      renderIncidentFacts(incident, context),
      "",
    );
  }
  if (incidents.length > MAX_DETAILED)
    parts.push(`And ${incidents.length - MAX_DETAILED} more keys, listed in the summary.`, "");
  parts.push("### What to do", "", renderRemediationSteps(incidents, context));
  return parts.join("\n");
}

function renderConfigErrors(errors: readonly string[], context: RenderContext): string {
  return [
    "### Configuration problems",
    "",
    `${inlineCode(CONFIG_FILE)} on ${inlineCode(context.defaultBranch)} is invalid, so the defaults were applied ` +
      "where it is wrong. Fix these and push to the default branch:",
    "",
    ...errors.slice(0, 50).map((e) => `- ${escapeMarkdown(e)}`),
    ...(errors.length > 50 ? [`- and ${errors.length - 50} more`] : []),
  ].join("\n");
}

function renderSkipped(skipped: NonNullable<CheckRunOptions["skipped"]>): string {
  const lines = skipped.slice(0, 50).map((s) => {
    const commit = s.commit ? ` in commit ${inlineCode(s.commit.slice(0, 7))}` : "";
    return `- ${inlineCode(s.path)}${commit}: ${escapeMarkdown(s.reason)}`;
  });
  if (skipped.length > 50) lines.push(`- and ${skipped.length - 50} more`);
  return [
    "### Not scanned",
    "",
    "Moltbook Guard could not read these, so they may still hold a key:",
    "",
    ...lines,
  ].join("\n");
}
