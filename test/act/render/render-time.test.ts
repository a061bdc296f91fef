import { describe, expect, it } from "vitest";
import { durationBetween, formatDuration, formatTimestamp } from "../../../src/act/render/index.js";

describe("formatDuration", () => {
  it.each([
    [0, "0 ms"],
    [850, "850 ms"],
    [999.4, "999 ms"],
    [999.7, "1.0 s"],
    [1_200, "1.2 s"],
    [9_960, "10 s"],
    [42_000, "42 s"],
    [59_600, "1 min"],
    [180_000, "3 min"],
    [5 * 3_600_000, "5 h"],
    [3 * 86_400_000, "3 days"],
    [-5, "0 ms"],
    [Number.NaN, "0 ms"],
  ])("%s ms reads %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("formatTimestamp", () => {
  it("prints UTC to the second", () => {
    expect(formatTimestamp("2026-11-29T01:02:03.456Z")).toBe("2026-11-29 01:02:03 UTC");
    expect(formatTimestamp("2026-11-29T03:02:03+02:00")).toBe("2026-11-29 01:02:03 UTC");
  });

  it("does not fail a comment over an unreadable time", () => {
    expect(formatTimestamp("yesterday-ish")).toBe("an unknown time");
  });
});

describe("durationBetween", () => {
  it("measures from push to revoke", () => {
    expect(durationBetween("2026-11-29T01:02:03.000Z", "2026-11-29T01:02:04.200Z")).toBe(1_200);
    expect(durationBetween(undefined, "2026-11-29T01:02:04.200Z")).toBeUndefined();
    expect(durationBetween("nope", "2026-11-29T01:02:04.200Z")).toBeUndefined();
  });
});
