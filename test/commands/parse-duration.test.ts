import { describe, expect, it } from "vitest";
import { parseDuration } from "../../src/commands/parse-duration.js";

const H = 3_600_000;

describe("parseDuration", () => {
  it.each([
    ["12h", { text: "12h", ms: 12 * H, rest: "" }],
    ["7d", { text: "7d", ms: 7 * 24 * H, rest: "" }],
    ["2w", { text: "2w", ms: 14 * 24 * H, rest: "" }],
    ["2W", { text: "2w", ms: 14 * 24 * H, rest: "" }],
    ["1 hour", { text: "1h", ms: H, rest: "" }],
    ["3 weeks of leave", { text: "3w", ms: 21 * 24 * H, rest: "of leave" }],
    ["10days", { text: "10d", ms: 10 * 24 * H, rest: "" }],
  ])("%j", (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it.each(["", "soon", "7", "7dx", "d7", "1.5d", "-1d", "3m", "12345d"])("%j → null", (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});
