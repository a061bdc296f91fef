import { describe, expect, it } from "vitest";
import { issueMarker, parseIssueMarker } from "../../../src/governance/render/issue-marker.js";

describe("issueMarker / parseIssueMarker", () => {
  it("writes the documented form", () => {
    expect(issueMarker("key_123", "rotation")).toBe(
      "<!-- moltbook-guard:governance key=key_123 kind=rotation -->",
    );
  });

  it.each(["key_123", "key.a:b-c", "key with spaces", "key-->x", "ключ", "a%b"])("round-trips %j", (id) => {
    for (const kind of ["rotation", "least-privilege", "accountability"] as const) {
      expect(parseIssueMarker(`intro\n${issueMarker(id, kind)}\nrest`)).toEqual({ keyId: id, kind });
    }
  });

  it.each([
    ["no body", null],
    ["no marker", "just an issue"],
    ["unknown kind", "<!-- moltbook-guard:governance key=key_1 kind=usage -->"],
    ["the dashboard", "<!-- moltbook-guard:dashboard -->"],
    ["broken encoding", "<!-- moltbook-guard:governance key=%E0%A4%A kind=rotation -->"],
  ])("%s → null", (_name, body) => {
    expect(parseIssueMarker(body)).toBeNull();
  });

  it("takes the first marker", () => {
    const body = `${issueMarker("key_1", "rotation")}\n${issueMarker("key_2", "accountability")}`;
    expect(parseIssueMarker(body)).toEqual({ keyId: "key_1", kind: "rotation" });
  });
});
