import { inlineCode } from "../../report/markdown.js";
import type { IncidentView, RenderContext } from "./model.js";
import { renderLocationList } from "./render-location.js";
import { formatTimestamp } from "./render-time.js";

/** The facts about one key, as a bullet list: where it was seen, whose it is, whether it is still in the code. */
export function renderIncidentFacts(
  incident: IncidentView,
  context: RenderContext,
  maxLocations = 10,
): string {
  const lines: string[] = [];
  const kind = incident.kind === "moltbook_dev_key" ? "Moltbook developer app key" : "Moltbook API key";
  lines.push(
    `- **What:** ${kind} ${inlineCode(incident.redacted)}, first seen ${formatTimestamp(incident.detectedAt)}`,
  );
  lines.push("- **Where:**", renderLocationList(incident.locations, context, maxLocations, "  "));
  const record: string[] = [];
  if (incident.keyName) record.push(`name ${inlineCode(incident.keyName)}`);
  if (incident.keyOwner) record.push(`owner ${inlineCode(incident.keyOwner)}`);
  if (incident.keyScopes && incident.keyScopes.length > 0) {
    record.push(`scopes ${incident.keyScopes.map(inlineCode).join(", ")}`);
  }
  if (record.length > 0) lines.push(`- **Key:** ${record.join(", ")}`);
  lines.push(
    `- **In the code:** ${incident.removedFromHead ? "removed from the head" : `still in the head (${inlineCode(context.headSha.slice(0, 7))})`}`,
  );
  return lines.join("\n");
}
