import { describe, expect, it } from "vitest";
import { escapeMarkdown, inlineCode, plainText } from "../../../src/governance/render/escape-markdown.js";

describe("escapeMarkdown", () => {
  it.each([
    ["plain", "plain"],
    ["a|b", "a\\|b"],
    ["**bold** _it_", "\\*\\*bold\\*\\* \\_it\\_"],
    ["<!-- x -->", "&lt;\\!-- x --&gt;"],
    ["line\n- [ ] forged", "line - \\[ \\] forged"],
    ["ping @team", "ping @&#8203;team"],
    ["  spaced   out  ", "spaced out"],
  ])("%j → %j", (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it("redacts anything key-shaped", () => {
    const key = "moltbook_sk_" + "Q".repeat(16) + "z".repeat(16);
    expect(escapeMarkdown(`x ${key} y`)).toBe("x moltbook\\_sk\\_QQQQ…zzzz y");
    expect(inlineCode(key)).toBe("`moltbook_sk_QQQQ…zzzz`");
    expect(plainText(key)).toBe("moltbook_sk_QQQQ…zzzz");
  });
});

describe("inlineCode / plainText", () => {
  it("keeps code spans intact and titles short", () => {
    expect(inlineCode("a`b\nc")).toBe("`a'b c`");
    expect(inlineCode("")).toBe("` `");
    expect(plainText("x".repeat(100), 10)).toBe("xxxxxxxxx…");
  });
});
