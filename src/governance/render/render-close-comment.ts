import type { KeyRecord } from "../../moltbook/types.js";
import { escapeMarkdown, inlineCode } from "../../report/markdown.js";
import type { CloseReason } from "../policy/close-reason.js";
import type { GovernanceKind } from "../policy/types.js";

const FIXED: Record<GovernanceKind, string> = {
  rotation: "it is within the rotation policy again",
  "least-privilege": "it now meets the least-privilege policy",
  accountability: "its purpose, project and owner are now recorded",
};

/**
 * The short comment posted when the app closes a per-key issue. A key no longer in the inventory
 * is named by its id only (`{ id }`): the app keeps no copy of its record.
 */
export function renderCloseComment(
  kind: GovernanceKind,
  reason: CloseReason,
  key: Pick<KeyRecord, "name" | "prefix"> | { id: string },
): string {
  const subject =
    "prefix" in key
      ? `**${escapeMarkdown(key.name) || "unnamed"}** (${inlineCode(`${key.prefix}…`)})`
      : `The key with id ${inlineCode(key.id)}`;
  const why: Record<CloseReason, string> = {
    rotated: "was rotated: a new key replaced it and the old one no longer works",
    revoked: "was revoked and no longer works",
    expired: "has expired and no longer works",
    fixed: FIXED[kind],
    removed: "is no longer in the Moltbook inventory",
  };
  return `Closing: ${subject} ${why[reason]}. Thank you! If it goes out of policy again, this issue reopens.`;
}
