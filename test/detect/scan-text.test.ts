import { describe, expect, it } from "vitest";
import { scanText, type Finding } from "../../src/detect/index.js";
import { API, DEV, makeDevKey, makeKey, randomBody, repeat, fp } from "./make-key.js";

/** What a test compares: never the raw key, only where it is and its fingerprint. */
function summary(f: Finding) {
  return { kind: f.kind, line: f.line, column: f.column, encoding: f.encoding };
}

describe("scanText: API keys (true positives)", () => {
  const key = makeKey();
  const cases: [string, string, number, number][] = [
    ["alone", key, 1, 1],
    ["in double quotes", `const k = "${key}";`, 1, 12],
    ["in single quotes", `api_key='${key}'`, 1, 10],
    ["after =", `MOLTBOOK_API_KEY=${key}`, 1, 18],
    ["after Bearer", `Authorization: Bearer ${key}`, 1, 23],
    ["after a \\n escape", `"line\\n${key}"`, 1, 8],
    ["after a \\t escape", `"\\t${key}"`, 1, 4],
    ["glued to a word", `token${key}`, 1, 6],
    ["after CJK text", `鍵は${key}です`, 1, 3],
    ["after an emoji", `✨${key}`, 1, 2],
    ["after punctuation", `(${key})`, 1, 2],
    ["on line 3", `a\nb\n  ${key}\n`, 3, 3],
    ["after CRLF lines", `a\r\nb\r\n${key}\r\n`, 3, 1],
    ["in a URL", `https://x.example/?key=${key}&y=1`, 1, 24],
    ["in markdown code", "Use `" + key + "` here", 1, 6],
    ["in JSON", `{"token":"${key}"}`, 1, 11],
    ["followed by a dot", `${key}.`, 1, 1],
  ];
  it.each(cases)("finds a key %s", (_name, text, line, column) => {
    const found = scanText(text, { path: "f.txt" });
    expect(found.map(summary)).toEqual([{ kind: "moltbook_api_key", line, column, encoding: "plain" }]);
    expect(found[0].fingerprint).toBe(fp(key));
    expect(found[0].path).toBe("f.txt");
  });

  it.each([
    ["body starting with _", "_" + randomBody(31)],
    ["body starting with -", "-" + randomBody(31)],
    ["body ending with _", randomBody(31) + "_"],
    ["body ending with -", randomBody(31) + "-"],
  ])("finds a key whose %s", (_name, body) => {
    const found = scanText(`x ${makeKey(body)} y`);
    expect(found.map((f) => f.fingerprint)).toEqual([fp(API + body)]);
  });

  it("reports each occurrence, in input order", () => {
    const a = makeKey();
    const b = makeKey();
    const found = scanText(`${a}\n${b} ${a}`);
    expect(found.map((f) => [f.line, f.column, f.fingerprint])).toEqual([
      [1, 1, fp(a)],
      [2, 1, fp(b)],
      [2, 46, fp(a)],
    ]);
  });

  it("gives the fingerprint and the redacted form, never the raw key", () => {
    const key = makeKey();
    const [f] = scanText(key);
    expect(f.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(f.redacted).toBe(`${API}${key.slice(12, 16)}…${key.slice(-4)}`);
    expect(JSON.stringify(f)).not.toContain(key);
  });
});

describe("scanText: near misses and placeholders (false positives)", () => {
  const cases: [string, string][] = [
    ["a 31-character body", API + randomBody(31)],
    ["a 33-character body", API + randomBody(33)],
    ["a 40-character body", API + randomBody(40)],
    ["32 x's", API + repeat("x", 32)],
    ["32 X's", API + repeat("X", 32)],
    ["32 zeros", API + repeat("0", 32)],
    ["the hex example", API + "0123456789abcdef0123456789abcdef"],
    ["an ellipsis", API + "..."],
    ["x's with an ellipsis", API + "xxxx…"],
    ["YOUR_KEY_HERE", API + "YOUR_KEY_HERE"],
    ["YOUR_KEY_HERE padded to 32", API + "YOUR_KEY_HERE_" + repeat("0", 18)],
    ["your_api_key words", API + "your_api_key_goes_here_12345678a"],
    ["an angle placeholder", API + "<your-api-key>"],
    ["a template variable", API + "${MOLTBOOK_SECRET}"],
    ["a mustache variable", API + "{{ secrets.MOLTBOOK_KEY }}"],
    ["stars", API + repeat("*", 32)],
    ["a redacted form with …", `${API}Ab3d…x9Q0`],
    ["a redacted form with ...", `${API}Ab3d...x9Q0`],
    ["the prefix alone", API],
    ["an env reference", "MOLTBOOK_API_KEY=$MOLTBOOK_KEY process.env.MOLTBOOK_API_KEY ${MOLTBOOK_API_KEY}"],
    ["a verification code", "moltbook_verify_" + randomBody(32)],
    ["a claim link", "https://www.moltbook.com/claim/moltbook_claim_" + randomBody(32)],
    ["an upper-case prefix", "MOLTBOOK_SK_" + randomBody(32)],
    ["a screaming identifier", API + "MOLTBOOK_SECRET_KEY_PRODUCTION_1"],
    ["benign mentions", "const moltbook_client = new MoltbookClient(); moltbook_user_id moltbook.Client"],
    ["a dev-key name", DEV + "app_settings_for_staging_env"],
    ["a dev-key camel-case name", DEV + "ApplicationSettingsForStaging"],
    ["a short dev token", DEV + randomBody(12)],
    ["a dev token that is too long", DEV + randomBody(70)],
  ];
  it.each(cases)("ignores %s", (_name, text) => {
    expect(scanText(`x = "${text}"\n`)).toEqual([]);
  });
});

describe("scanText: developer app keys", () => {
  it.each([24, 32, 48, 64])("finds a %i-character moltdev_ token", (length) => {
    const key = makeDevKey(length);
    const found = scanText(`MOLTDEV_KEY=${key}\n`);
    expect(found.map(summary)).toEqual([
      { kind: "moltbook_dev_key", line: 1, column: 13, encoding: "plain" },
    ]);
    expect(found[0].fingerprint).toBe(fp(key));
    expect(found[0].redacted).toBe(`${DEV}${key.slice(8, 12)}…${key.slice(-4)}`);
  });
});
