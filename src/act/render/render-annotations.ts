import { containsKeyShaped, redactKeys } from "../../detect/index.js";
import { statusLabel, statusSentence } from "./describe-status.js";
import { isProsePath } from "./location-url.js";
import type { IncidentView } from "./model.js";
import { uniqueLocations } from "./render-location.js";

export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "failure";
  title: string;
  message: string;
}

const API_KEY_LENGTH = "moltbook_sk_".length + 32;

/** One annotation per sighting still in the head. */
export function renderAnnotations(incidents: readonly IncidentView[]): CheckRunAnnotation[] {
  const annotations: CheckRunAnnotation[] = [];
  for (const incident of incidents) {
    if (incident.removedFromHead) continue;
    const kind = incident.kind === "moltbook_dev_key" ? "Moltbook developer key" : "Moltbook API key";
    for (const location of uniqueLocations(incident.locations)) {
      // Prose has no line to mark; a path holding something key-shaped is never echoed back.
      if (isProsePath(location.path) || containsKeyShaped(location.path)) continue;
      const length =
        incident.kind === "moltbook_api_key" && location.encoding === "plain" ? API_KEY_LENGTH : 1;
      annotations.push({
        path: location.path,
        start_line: location.line,
        end_line: location.line,
        start_column: location.column,
        end_column: location.column + length - 1,
        annotation_level: "failure",
        title: redactKeys(`Leaked ${kind} (${statusLabel(incident.status)})`),
        message: redactKeys(annotationMessage(incident)),
      });
    }
  }
  return annotations;
}

function annotationMessage(incident: IncidentView): string {
  // Annotation messages are plain text, so the status sentence is rendered without Markdown escapes.
  const sentence = statusSentence(incident, (t) => t)
    .replace(/\*\*/g, "")
    .replace(/`/g, "");
  return `${incident.redacted} leaked here. ${sentence} Remove it and read the key from the environment or a secrets manager.`;
}
