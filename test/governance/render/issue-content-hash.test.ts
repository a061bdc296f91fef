import { describe, expect, it } from "vitest";
import { issueContentHash } from "../../../src/governance/render/issue-content-hash.js";
import { contentHash } from "../../../src/store/index.js";

const issue = { title: "T", body: "line 1\nline 2", labels: ["b", "a"] };

describe("issueContentHash", () => {
  it("is a contentHash: sha256: and 64 lower-case hex digits", () => {
    expect(issueContentHash(issue)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("hashes title, body and labels once, as a JSON array", () => {
    expect(issueContentHash(issue)).toBe(contentHash(JSON.stringify(["T", "line 1\nline 2", ["a", "b"]])));
  });

  it("stays what earlier versions stored in governance_issues, so an upgrade rewrites no issue", () => {
    expect(issueContentHash(issue)).toBe(
      "sha256:4e59ad40a8764cc90b93fb1eaad523b69a4f15b946d91deef1e9053fea3bf137",
    );
  });

  it("does not depend on the order of the labels", () => {
    expect(issueContentHash(issue)).toBe(issueContentHash({ ...issue, labels: ["a", "b"] }));
  });

  it("reads CRLF in the body as LF, as GitHub may return it", () => {
    expect(issueContentHash(issue)).toBe(issueContentHash({ ...issue, body: "line 1\r\nline 2" }));
  });

  it("changes with the title, the body or the set of labels", () => {
    expect(issueContentHash(issue)).not.toBe(issueContentHash({ ...issue, title: "U" }));
    expect(issueContentHash(issue)).not.toBe(issueContentHash({ ...issue, body: "line 1" }));
    expect(issueContentHash(issue)).not.toBe(issueContentHash({ ...issue, labels: ["a"] }));
  });

  it("ignores assignees, which GitHub may refuse", () => {
    expect(issueContentHash({ ...issue, assignees: ["x"] } as typeof issue)).toBe(issueContentHash(issue));
  });
});
