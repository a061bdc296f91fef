import { COMMIT_MESSAGE_PATH, redactKeys } from "../../detect/index.js";
import { codeBlock, inlineCode } from "../../report/markdown.js";
import { detectLanguage, type Language } from "./detect-language.js";
import { envSnippet } from "./env-snippet.js";
import { isKeyNeutralised } from "./lifecycle-stage.js";
import { isProsePath } from "./location-url.js";
import { DEFAULT_MOLTBOOK_API_URL, type IncidentView, type RenderContext } from "./model.js";
import { renderHistoryPurge } from "./render-history-purge.js";
import { renderManualRevocation } from "./render-manual-revocation.js";
import { formatTimestamp } from "./render-time.js";

const MAX_SNIPPETS = 3;

/**
 * The checklist the PR comment, the incident issue and the check run share: revoke, (a) remove
 * the literal, (b) replace the key, (c) purge history, (d) check the audit log. Boxes Moltbook
 * Guard can verify (revoked, gone from the code) are ticked on each re-render.
 */
export function renderRemediationSteps(incidents: readonly IncidentView[], context: RenderContext): string {
  const steps = [
    revokeStep(incidents, context),
    removeStep(incidents),
    replaceStep(incidents),
    purgeStep(incidents, context),
    auditStep(incidents, context),
  ];
  return redactKeys(steps.join("\n"));
}

function checkbox(done: boolean): string {
  return done ? "- [x]" : "- [ ]";
}

function indent(markdown: string): string {
  return markdown
    .split("\n")
    .map((line) => (line ? `  ${line}` : line))
    .join("\n");
}

function revokeStep(incidents: readonly IncidentView[], context: RenderContext): string {
  const active = incidents.filter((i) => !isKeyNeutralised(i.status));
  if (active.length === 0) {
    return `${checkbox(true)} **Revoke the key.** Done: it no longer works.`;
  }
  const retrying = active.some((i) => i.status === "revoke_failed")
    ? " Moltbook Guard keeps retrying, but do not wait for it."
    : "";
  const verb = active.every((i) => i.kind === "moltbook_dev_key") ? "Rotate" : "Revoke";
  return [
    `${checkbox(false)} **${verb} the key now: it still works.**${retrying}`,
    "",
    indent(renderManualRevocation(active, context)),
  ].join("\n");
}

function removeStep(incidents: readonly IncidentView[]): string {
  const done = incidents.every((i) => i.removedFromHead);
  const locations = incidents.flatMap((i) => i.locations);
  const languages = new Set<Language>(
    locations.filter((l) => !isProsePath(l.path)).map((l) => detectLanguage(l.path)),
  );
  const inMessage = locations.some((l) => l.path === COMMIT_MESSAGE_PATH);
  const inPrText = locations.some((l) => isProsePath(l.path) && l.path !== COMMIT_MESSAGE_PATH);
  const varName = incidents.every((i) => i.kind === "moltbook_dev_key")
    ? "MOLTBOOK_DEV_KEY"
    : "MOLTBOOK_API_KEY";
  const parts = [
    `${checkbox(done)} **(a) Remove the key from the code** and read it from the environment or a secrets manager instead.`,
  ];
  if (languages.size === 0 && !inMessage && !inPrText) languages.add("generic");
  for (const language of [...languages].slice(0, MAX_SNIPPETS)) {
    const snippet = envSnippet(language, varName);
    parts.push("", indent(`${snippet.label}:\n\n${codeBlock(snippet.code, snippet.info)}`));
  }
  if (inPrText)
    parts.push("", indent("Edit the pull request's title or description to take the key out of it."));
  if (inMessage) {
    parts.push(
      "",
      indent(
        "A key in a commit message cannot be edited out; only rewriting the history (step c) removes it.",
      ),
    );
  }
  return parts.join("\n");
}

function replaceStep(incidents: readonly IncidentView[]): string {
  const apiKeys = incidents.filter((i) => i.kind === "moltbook_api_key");
  if (apiKeys.length === 0) {
    // Developer keys have no sub-keys: the rotated key just needs a home outside the repository.
    return (
      `${checkbox(false)} **(b) Store the rotated developer key** where step (a) reads it from ` +
      "(a CI secret, your secrets manager), never in the repository."
    );
  }
  const scopes = [...new Set(apiKeys.flatMap((i) => i.keyScopes ?? []))];
  const had =
    scopes.length === 0
      ? ""
      : ` The leaked key had ${scopes.map(inlineCode).join(", ")}${scopes.includes("*") ? " (everything)" : ""}; keep only what the code calls.`;
  return (
    `${checkbox(false)} **(b) Create a replacement sub-key** with only the scopes it needs, an expiry of 90 days or less ` +
    `and an IP allowlist of the addresses that call Moltbook.${had} Store it where step (a) reads it from ` +
    "(a CI secret, your secrets manager), never in the repository."
  );
}

function purgeStep(incidents: readonly IncidentView[], context: RenderContext): string {
  if (context.visibility !== "public") {
    return (
      `${checkbox(false)} **(c) Purging the history is optional here**: the repository is ${context.visibility}, ` +
      "and the key no longer matters once it is revoked, but everyone with read access can still find it in old commits."
    );
  }
  return [
    `${checkbox(false)} **(c) Purge the key from the history**: this repository is public, and old commits stay readable after the fix.`,
    "",
    indent(renderHistoryPurge(incidents, context)),
  ].join("\n");
}

function auditStep(incidents: readonly IncidentView[], context: RenderContext): string {
  const first = Math.min(...incidents.map((i) => Date.parse(i.detectedAt)).filter((t) => !Number.isNaN(t)));
  const sinceIso = Number.isFinite(first) ? new Date(first).toISOString() : undefined;
  const api = (context.moltbookApiUrl ?? DEFAULT_MOLTBOOK_API_URL).replace(/\/+$/, "");
  const keyIds = incidents
    .map((i) => i.keyId)
    .filter((id): id is string => id !== undefined && /^[\w-]+$/.test(id));
  const query = `since=${sinceIso ?? "<when it leaked>"}${keyIds.length === 1 ? `&key_id=${keyIds[0]}` : ""}`;
  return [
    `${checkbox(false)} **(d) Check the Moltbook audit log** for requests made with the key since ${sinceIso ? formatTimestamp(sinceIso) : "it leaked"}. ` +
      "A request from an address or agent you do not recognise means someone else used it: tell your security team.",
    "",
    indent(
      codeBlock(
        `curl -H "Authorization: Bearer $MOLTBOOK_ADMIN_KEY" \\\n  "${api}/audit-logs?${query}"`,
        "sh",
      ),
    ),
  ].join("\n");
}
