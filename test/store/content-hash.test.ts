import { describe, expect, it } from "vitest";
import { contentHash } from "../../src/store/index.js";

describe("contentHash", () => {
  it("is sha256: and the lower-case hex SHA-256 of the UTF-8 text", () => {
    expect(contentHash("abc")).toBe(
      "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(contentHash("")).toBe("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(contentHash("é")).toBe("sha256:4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
  });

  it("hashes the text as given: canonical forms are the caller's (issueContentHash)", () => {
    expect(contentHash("a\r\nb")).not.toBe(contentHash("a\nb"));
  });
});
