import { codeBlock, inlineCode } from "../../report/markdown.js";
import { DEFAULT_MOLTBOOK_API_URL, type IncidentView, type RenderContext } from "./model.js";

/**
 * How a person revokes keys Moltbook Guard did not: the dashboard, or the contract's revoke call
 * by fingerprint (safe to print: it cannot be turned back into the key).
 */
export function renderManualRevocation(incidents: readonly IncidentView[], context: RenderContext): string {
  const apiKeys = incidents.filter((i) => i.kind === "moltbook_api_key");
  const devKeys = incidents.filter((i) => i.kind === "moltbook_dev_key");
  const parts: string[] = [];
  if (apiKeys.length > 0) {
    const named = apiKeys.map(describeKey).join(", ");
    const api = (context.moltbookApiUrl ?? DEFAULT_MOLTBOOK_API_URL).replace(/\/+$/, "");
    const body = JSON.stringify({ fingerprints: apiKeys.map((i) => i.fingerprint), reason: "leaked" });
    parts.push(
      `In the Moltbook dashboard, open your organisation's API keys, find ${named} and revoke it. ` +
        "Or, with a governance key that has `keys:revoke`:",
      codeBlock(
        [
          `curl -X POST ${api}/keys/revoke \\`,
          `  -H "Authorization: Bearer $MOLTBOOK_ADMIN_KEY" -H "Content-Type: application/json" \\`,
          `  -d '${body}'`,
        ].join("\n"),
        "sh",
      ),
    );
  }
  if (devKeys.length > 0) {
    parts.push(
      `Rotate ${devKeys.map(describeKey).join(", ")} in the Moltbook developer dashboard: ` +
        "developer app keys cannot be revoked through the API, and the old key works until it is rotated.",
    );
  }
  return parts.join("\n\n");
}

function describeKey(incident: IncidentView): string {
  const name = incident.keyName ? ` (named ${inlineCode(incident.keyName)})` : "";
  return `${inlineCode(incident.redacted)}${name}`;
}
