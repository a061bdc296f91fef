import type { KeyRecord } from "../../moltbook/types.js";
import { escapeMarkdown, inlineCode } from "../../report/markdown.js";
import type { GovernanceFinding } from "../policy/types.js";
import { findingHeadline } from "./finding-headline.js";

/** The short comment posted when a key comes back out of policy and its closed issue reopens. */
export function renderReopenComment(
  finding: GovernanceFinding,
  key: Pick<KeyRecord, "name" | "prefix">,
): string {
  const subject = `**${escapeMarkdown(key.name) || "unnamed"}** (${inlineCode(`${key.prefix}…`)})`;
  return `Reopening: ${subject} is out of policy again (${findingHeadline(finding)}). The description above is up to date.`;
}
