// The one set of Markdown helpers every GitHub output uses. Inputs stand for untrusted text: paths
// from pushed code, key names and purposes from Moltbook, error messages. Keys are built at run time
// (test/detect/make-key.ts), never written down.
import { describe, expect, it } from "vitest";
import { redact } from "../../src/detect/index.js";
import {
  codeBlock,
  escapeMarkdown,
  fitToLimit,
  inlineCode,
  link,
  plainText,
  plural,
  tableCell,
} from "../../src/report/markdown.js";
import { makeDevKey, makeKey, randomBody, repeat } from "../detect/make-key.js";

/** A fixed API key, so expectations can spell out its redacted form. */
const QZ_KEY = makeKey(repeat("Q", 16) + repeat("z", 16));
/** Underscores in the body: escaped before redaction, it would no longer match the key pattern. */
const UNDERSCORE_KEY = makeKey(repeat("a_", 16));

describe("escapeMarkdown", () => {
  it.each([
    ["plain text", "plain", "plain"],
    ["pipes", "a|b", "a\\|b"],
    ["emphasis", "**bold** _it_ ~~gone~~", "\\*\\*bold\\*\\* \\_it\\_ \\~\\~gone\\~\\~"],
    ["links and images", "[a](b) ![i](x)", "\\[a\\]\\(b\\) \\!\\[i\\]\\(x\\)"],
    ["code and backslashes", "`x` \\y", "\\`x\\` \\\\y"],
    ["headings, braces, plus, math", "# {a} +1 $x$", "\\# \\{a\\} \\+1 \\$x\\$"],
    ["HTML tags", "<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert\\(1\\)&gt;"],
    ["hidden markers", "<!-- revoke:key_1 -->", "&lt;\\!-- revoke:key\\_1 --&gt;"],
    ["entities stay literal", "&#64;team &amp;", "&amp;\\#64;team &amp;amp;"],
    ["@-mentions", "ping @team and @org/admins", "ping @&#8203;team and @&#8203;org/admins"],
    ["email addresses", "alice@example.com", "alice@&#8203;example.com"],
    ["LF", "line\n- [ ] forged", "line - \\[ \\] forged"],
    ["CRLF", "line\r\n# forged", "line \\# forged"],
    ["lone CR", "line\r- [x] forged", "line - \\[x\\] forged"],
    ["runs of whitespace", "  spaced \t  out  ", "spaced out"],
    ["a leading list marker", "- not a list", "\\- not a list"],
    ["a leading ordered-list marker", "1. not a list", "1\\. not a list"],
    ["a leading setext underline", "=== not a heading", "\\=== not a heading"],
    ["hyphens and numbers inside", "a-b 1.2", "a-b 1.2"],
  ])("escapes %s", (_what, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

describe("inlineCode", () => {
  it.each([
    ["plain text", "src/app.ts", "`src/app.ts`"],
    ["a backtick", "a`b", "``a`b``"],
    ["a run of backticks", "a``b`c", "```a``b`c```"],
    ["backticks at the ends", "`x`", "`` `x` ``"],
    ["spaces at the ends", " x ", "`  x  `"],
    ["only spaces", "  ", "`  `"],
    ["nothing", "", "` `"],
    ["LF", "a\nb", "`a b`"],
    ["CRLF", "a\r\n# b", "`a # b`"],
    ["lone CR", "a\r- [ ] b", "`a - [ ] b`"],
    ["HTML, shown as written", "src/<b>x</b>.ts", "`src/<b>x</b>.ts`"],
    ["@, shown as written (no mention in code)", "node_modules/@team/x.js", "`node_modules/@team/x.js`"],
    ["Markdown, shown as written", "*a* _b_ [c](d) | # $", "`*a* _b_ [c](d) | # $`"],
  ])("quotes %s exactly, on one line", (_what, input, expected) => {
    expect(inlineCode(input)).toBe(expected);
  });
});

describe("codeBlock", () => {
  it.each([
    ["plain code", "x = 1", "sh", "```sh\nx = 1\n```"],
    ["a fence inside", "```\nx", "sh", "````sh\n```\nx\n````"],
    ["a longer run inside", "a ````` b", "", "``````\na ````` b\n``````"],
  ])("fences %s", (_what, code, info, expected) => {
    expect(codeBlock(code, info)).toBe(expected);
  });
});

describe("tableCell", () => {
  it.each([
    ["a code span", inlineCode("a|b"), "`a\\|b`"],
    // GitHub drops one backslash before each pipe in a cell, so `\\|` still reads as `\|`: one cell.
    ["escaped prose", escapeMarkdown("a|b"), "a\\\\|b"],
    ["several pipes", "| x | y |", "\\| x \\| y \\|"],
    ["no pipes", "`x`", "`x`"],
  ])("escapes the pipes in %s", (_what, input, expected) => {
    expect(tableCell(input)).toBe(expected);
  });
});

describe("link", () => {
  it.each([
    ["a plain URL", "https://x.test/a/b.ts#L1", "https://x.test/a/b.ts#L1"],
    ["parentheses", "https://x.test/a).ts", "https://x.test/a%29.ts"],
    ["balanced parentheses", "https://x.test/(a)", "https://x.test/%28a%29"],
    ["whitespace and line breaks", "https://x.test/a b\r\nc", "https://x.test/a%20b%0D%0Ac"],
    ["control characters", "https://x.test/a\u0001b", "https://x.test/a%01b"],
  ])("keeps %s inside the target", (_what, url, target) => {
    expect(link("`a`", url)).toBe(`[\`a\`](${target})`);
  });
});

describe("plainText", () => {
  it.each([
    ["whitespace", "  a\r\n\tb  ", 80, "a b"],
    ["long text", repeat("x", 100), 10, "xxxxxxxxx…"],
    ["Markdown, left alone (titles are not rendered)", "*a* @b <c>", 80, "*a* @b <c>"],
  ])("keeps %s to one short line", (_what, input, max, expected) => {
    expect(plainText(input, max)).toBe(expected);
  });
});

describe("keys", () => {
  it.each([
    ["escapeMarkdown", escapeMarkdown, QZ_KEY, "x moltbook\\_sk\\_QQQQ…zzzz y"],
    [
      "escapeMarkdown, underscores in the body",
      escapeMarkdown,
      UNDERSCORE_KEY,
      "x moltbook\\_sk\\_a\\_a\\_…a\\_a\\_ y",
    ],
    ["inlineCode", inlineCode, QZ_KEY, "`x moltbook_sk_QQQQ…zzzz y`"],
    ["plainText", plainText, QZ_KEY, "x moltbook_sk_QQQQ…zzzz y"],
    ["codeBlock", codeBlock, QZ_KEY, "```\nx moltbook_sk_QQQQ…zzzz y\n```"],
  ])("%s shows a key only redacted, and redacts before escaping", (_what, render, key, expected) => {
    expect(render(`x ${key} y`)).toBe(expected);
  });

  it.each([
    ["an API key", () => makeKey()],
    ["an over-long API key", () => makeKey(randomBody(48))],
    ["a developer key", () => makeDevKey()],
  ])("no helper prints %s", (_what, build) => {
    const key = build();
    const outputs = [
      escapeMarkdown(`name ${key}`),
      inlineCode(`src/${key}.ts`),
      codeBlock(`const k = "${key}";`),
      link("x", `https://x.test/?k=${key}`),
      plainText(`title ${key}`, 200),
    ];
    for (const out of outputs) {
      // Without the escaping backslashes, so an escaped copy of the key would be caught too.
      const plain = out.replace(/\\/g, "");
      expect(plain).not.toContain(key.slice(-20));
      expect(plain).toContain(redact(key));
    }
  });
});

describe("plural / fitToLimit", () => {
  it("counts and cuts at a line", () => {
    expect(plural(1, "key")).toBe("1 key");
    expect(plural(2, "key")).toBe("2 keys");
    expect(fitToLimit("short", 100, "cut")).toBe("short");
    expect(fitToLimit(`${repeat("a", 40)}\n${repeat("b", 40)}`, 60, "_cut_")).toBe(
      `${repeat("a", 40)}\n\n_cut_`,
    );
  });
});
