// Markdown building blocks that keep user-controlled text (paths, key names, errors) inert.
// Each scrubs keys BEFORE escaping: `moltbook\_sk\_…` would slip past a scrub run afterwards.
import { scrubKeys } from "./scrub-keys.js";

/** `text` as an inline code span, whatever backticks it contains. */
export function inlineCode(text: string): string {
  const oneLine = scrubKeys(text).replace(/\r?\n/g, " ");
  const longestRun = Math.max(0, ...[...oneLine.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(longestRun + 1);
  const pad = oneLine.startsWith("`") || oneLine.endsWith("`") ? " " : "";
  return `${ticks}${pad}${oneLine}${pad}${ticks}`;
}

/** A fenced block whose fence is longer than any backtick run inside it. */
export function codeBlock(rawCode: string, info = ""): string {
  const code = scrubKeys(rawCode);
  const longestRun = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${fence}${info}\n${code}\n${fence}`;
}

/** Plain prose with Markdown and HTML syntax escaped, on one line. */
export function escapeMarkdown(text: string): string {
  return scrubKeys(text)
    .replace(/\r?\n/g, " ")
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, "\\$&");
}

/** GitHub splits table rows on `|` before it reads code spans, so pipes need escaping even there. */
export function tableCell(markdown: string): string {
  return markdown.replace(/\|/g, "\\|");
}

/** A link whose text is escaped and whose target cannot close the parenthesis early. */
export function link(textMarkdown: string, url: string): string {
  return `[${textMarkdown}](${scrubKeys(url).replace(/[()\s]/g, (c) => encodeURIComponent(c))})`;
}

/** "1 key" / "2 keys". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Keeps a body under GitHub's size limit, cutting at a line and saying so. */
export function fitToLimit(markdown: string, limit: number, notice: string): string {
  if (markdown.length <= limit) return markdown;
  const room = limit - notice.length - 2;
  const cut = markdown.lastIndexOf("\n", room);
  return `${markdown.slice(0, cut > 0 ? cut : room)}\n\n${notice}`;
}
