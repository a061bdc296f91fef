// The Markdown building blocks of every GitHub output (PR comment, check run, incident issue,
// governance issues and dashboard, command replies). Much of what they quote is not ours: file
// paths in pushed code, key names and purposes from Moltbook, error messages. Each helper keeps
// such text inert: on one line, unable to format, forge HTML or hidden markers, or ping anyone.
// Keys are redacted FIRST: escaping turns `moltbook_sk_…` into `moltbook\_sk\_…`, which the
// redaction pattern would no longer match.
import { redactKeys } from "../detect/index.js";

// Escaped with a backslash: CommonMark's inline syntax plus GitHub's (`~~` strikethrough, `$` math).
// `&`, `<` and `>` become entities instead, so neither HTML nor an entity such as `&#64;` survives;
// `@` gets a zero-width space after it, which GitHub does not link as a mention.
const SPECIAL = /[\\`*_{}[\]()#+!|~$&<>@]/g;
const REPLACEMENT: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "@": "@&#8203;",
};

/** Plain prose on one line, with Markdown and HTML syntax inert and @-mentions neutralised. */
export function escapeMarkdown(text: string): string {
  return (
    redactKeys(text)
      .replace(/\s+/g, " ")
      .trim()
      .replace(SPECIAL, (c) => REPLACEMENT[c] ?? `\\${c}`)
      // At the start of a line these open a list, a setext heading or a rule ("- x", "1. x", "==="),
      // and escaped text often starts a list item's content. (`+`, `*`, `>` and `1)` are escaped above.)
      .replace(/^[-=]/, "\\$&")
      .replace(/^(\d+)\./, "$1\\.")
  );
}

/**
 * `text` exactly, as an inline code span on one line. Code spans show HTML and `@` literally and
 * GitHub links no mention inside one, so only backticks need care: the fence is longer than any run
 * inside, and padded when the text starts or ends with a backtick or a space (CommonMark strips one
 * space from each end). Line breaks become spaces, as CommonMark would render them, so a path cannot
 * end the line and start a block of its own.
 */
export function inlineCode(text: string): string {
  const oneLine = redactKeys(text).replace(/\r\n|[\r\n]/g, " ");
  if (oneLine === "") return "` `";
  const ticks = "`".repeat(longestBacktickRun(oneLine) + 1);
  const pad = /^[ `]|[ `]$/.test(oneLine) && !/^ +$/.test(oneLine) ? " " : "";
  return `${ticks}${pad}${oneLine}${pad}${ticks}`;
}

/** A fenced block whose fence is longer than any backtick run inside it. */
export function codeBlock(rawCode: string, info = ""): string {
  const code = redactKeys(rawCode);
  const fence = "`".repeat(Math.max(3, longestBacktickRun(code) + 1));
  return `${fence}${info}\n${code}\n${fence}`;
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
}

/**
 * GitHub splits table rows on `|` before it reads code spans, so pipes need escaping even there.
 * Safe on already-escaped text: GitHub drops exactly one backslash before each pipe in a cell.
 */
export function tableCell(markdown: string): string {
  return markdown.replace(/\|/g, "\\|");
}

/**
 * A link to `url` with already-rendered `textMarkdown`. The target cannot end early or leave the
 * line: parentheses are percent-encoded (`encodeURIComponent` leaves them), as are whitespace and
 * control characters. A path such as `a).ts` would otherwise cut the link short.
 */
export function link(textMarkdown: string, url: string): string {
  const target = redactKeys(url).replace(/[()\s\p{Cc}]/gu, (c) =>
    c === "(" ? "%28" : c === ")" ? "%29" : encodeURIComponent(c),
  );
  return `[${textMarkdown}](${target})`;
}

/** Text for an issue title (not Markdown): one line, no raw keys, at most `max` characters. */
export function plainText(text: string, max = 80): string {
  const clean = redactKeys(text).replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
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
