import { describe, expect, it } from "vitest";
import { contentHash } from "../../../src/governance/render/content-hash.js";

const issue = { title: "T", body: "line 1\nline 2", labels: ["b", "a"] };

describe("contentHash", () => {
  it("is a sha256 of title, body and labels", () => {
    expect(contentHash(issue)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(contentHash(issue)).toBe(contentHash({ ...issue, labels: ["a", "b"] }));
    expect(contentHash(issue)).toBe(contentHash({ ...issue, body: "line 1\r\nline 2" }));
    expect(contentHash(issue)).not.toBe(contentHash({ ...issue, title: "U" }));
    expect(contentHash(issue)).not.toBe(contentHash({ ...issue, body: "line 1" }));
    expect(contentHash(issue)).not.toBe(contentHash({ ...issue, labels: ["a"] }));
  });

  it("ignores assignees, which GitHub may refuse", () => {
    expect(contentHash({ ...issue, assignees: ["x"] } as typeof issue)).toBe(contentHash(issue));
  });

  it("hashes plain strings too", () => {
    expect(contentHash("x")).toBe(contentHash("x"));
    expect(contentHash("x")).not.toBe(contentHash("y"));
  });
});
