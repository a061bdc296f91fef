import { describe, expect, it } from "vitest";
import { displayPath } from "../../src/cli/display-path.js";
import { parseIgnoreList } from "../../src/cli/ignore-list.js";
import { parseSize } from "../../src/cli/parse-size.js";

const FP = `sha256:${"ab".repeat(32)}`;

describe("parseSize", () => {
  it("reads bytes and decimal units", () => {
    expect(parseSize("0")).toBe(0);
    expect(parseSize("1234")).toBe(1234);
    expect(parseSize("10MB")).toBe(10_000_000);
    expect(parseSize("512k")).toBe(512_000);
    expect(parseSize("1.5 gb")).toBe(1_500_000_000);
  });
  it("explains what a size looks like", () => {
    expect(() => parseSize("ten")).toThrow(/To resolve, pass a number of bytes or e\.g\. 10MB/);
    expect(() => parseSize("10XB")).toThrow(/is not a size/);
  });
});

describe("parseIgnoreList", () => {
  it("reads fingerprints with reasons, skipping blank lines and comments", () => {
    const list = parseIgnoreList(
      `# header\n\n${FP}  # test fixture\r\n  ${FP.replace("ab", "cd")} #revoked  \n`,
      "f",
    );
    expect([...list]).toEqual([
      [FP, "test fixture"],
      [FP.replace("ab", "cd"), "revoked"],
    ]);
  });
  it("refuses a fingerprint without a reason, naming the file and line", () => {
    expect(() => parseIgnoreList(`# ok\n${FP}\n`, ".moltbook-guard-ignore")).toThrow(
      /^\.moltbook-guard-ignore:2 ignores sha256:abababab… without a reason\. To resolve, add why/,
    );
    expect(() => parseIgnoreList(`${FP} #   \n`, "f")).toThrow(/without a reason/);
  });
  it("refuses anything that is not a fingerprint", () => {
    expect(() => parseIgnoreList("src/app.py # path\n", "f")).toThrow(
      /^f:1 is not a fingerprint line\. To resolve/,
    );
    expect(() => parseIgnoreList(`${FP.slice(0, -1)} # short\n`, "f")).toThrow(/is not a fingerprint line/);
  });
});

describe("displayPath", () => {
  const cwd = "/home/u/repo";
  it("keeps a relative argument as typed, normalised, with forward slashes", () => {
    expect(displayPath(".", "/home/u/repo", cwd)).toBe(".");
    expect(displayPath("./sub/dir/", "/home/u/repo/sub/dir", cwd)).toBe("sub/dir");
    expect(displayPath("sub\\dir", "/home/u/repo/sub/dir", cwd)).toBe("sub/dir");
    expect(displayPath("../other", "/home/u/other", cwd)).toBe("../other");
  });
  it("shows an absolute argument inside the current directory relative to it", () => {
    expect(displayPath("/home/u/repo", "/home/u/repo", cwd)).toBe(".");
    expect(displayPath("/home/u/repo/src", "/home/u/repo/src", cwd)).toBe("src");
    expect(displayPath("/etc", "/etc", cwd)).toBe("/etc");
  });
});
