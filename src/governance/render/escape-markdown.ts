import { redactKeys } from "../../detect/index.js";

// Anything key-shaped (even over-long) is shown redacted (`redactKeys`): text from Moltbook is not
// ours to trust.

/**
 * Text from key records (names, purposes) rendered on one Markdown line: no line breaks, no
 * formatting, no HTML (so no forged hidden markers or checkboxes), no @-mentions, no raw keys.
 */
export function escapeMarkdown(text: string): string {
  return redactKeys(text)
    .replace(/\s+/g, " ")
    .trim()
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]()#|~!]/g, (c) => `\\${c}`)
    .replace(/@/g, "@&#8203;");
}

/** Short text as inline code: no backticks or line breaks inside, no raw keys. */
export function inlineCode(text: string): string {
  const clean = redactKeys(text).replace(/`/g, "'").replace(/\s+/g, " ").trim();
  return `\`${clean || " "}\``;
}

/** Text for an issue title: one line, no raw keys, at most `max` characters. */
export function plainText(text: string, max = 80): string {
  const clean = redactKeys(text).replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
