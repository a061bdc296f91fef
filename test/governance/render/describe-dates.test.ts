import { describe, expect, it } from "vitest";
import { ageBucket } from "../../../src/governance/render/age-bucket.js";
import { describeLastUsed } from "../../../src/governance/render/describe-last-used.js";
import { formatDate, formatDateTime } from "../../../src/governance/render/format-date.js";
import { NOW, daysFromNow } from "../make-key.js";

describe("ageBucket", () => {
  it.each([
    [-1, "less than a week ago"],
    [-6.9, "less than a week ago"],
    [-7, "1–4 weeks ago"],
    [-30, "1–3 months ago"],
    [-90, "3–6 months ago"],
    [-180, "6–12 months ago"],
    [-365, "over a year ago"],
    [2, "in the future"],
  ])("%d days → %s", (days, text) => {
    expect(ageBucket(daysFromNow(days), NOW)).toBe(text);
  });

  it("is null for a missing date", () => {
    expect(ageBucket(null, NOW)).toBeNull();
  });
});

describe("describeLastUsed", () => {
  it.each([
    [null, "never"],
    [daysFromNow(0), "within the last 30 days"],
    [daysFromNow(-30), "within the last 30 days"],
    ["2026-02-01T08:00:00Z", "2026-02-01 (3–6 months ago)"],
  ])("%j → %s", (lastUsed, text) => {
    expect(describeLastUsed({ last_used_at: lastUsed }, 30, NOW)).toBe(text);
  });
});

describe("formatDate", () => {
  it("renders UTC dates and times", () => {
    expect(formatDate("2026-03-01T23:59:59-02:00")).toBe("2026-03-02");
    expect(formatDate(null)).toBe("unknown");
    expect(formatDateTime("2026-03-01T14:05:59Z")).toBe("2026-03-01 14:05 UTC");
  });
});
