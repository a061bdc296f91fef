import { describe, expect, it } from "vitest";
import { scanText, type Encoding, type Finding } from "../../src/detect/index.js";
import { API, makeDevKey, makeKey, randomBody, repeat, fp } from "./make-key.js";

function found(text: string): [Encoding, number, number, string][] {
  return scanText(text).map((f: Finding) => [f.encoding, f.line, f.column, f.fingerprint]);
}

const b64 = (s: string) => Buffer.from(s).toString("base64");
const b64url = (s: string) => Buffer.from(s).toString("base64url");
const percentAll = (s: string, hex: (n: number) => string) =>
  [...s].map((c) => "%" + hex(c.charCodeAt(0))).join("");
const upperHex = (n: number) => n.toString(16).toUpperCase().padStart(2, "0");
const lowerHex = (n: number) => n.toString(16).padStart(2, "0");
const uEscape = (s: string) =>
  [...s].map((c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0")).join("");
const xEscape = (s: string) =>
  [...s].map((c) => "\\x" + c.charCodeAt(0).toString(16).padStart(2, "0")).join("");

describe("base64", () => {
  it("decodes a Kubernetes Secret data value", () => {
    const key = makeKey();
    const yaml = [
      "apiVersion: v1",
      "kind: Secret",
      "metadata:",
      "  name: moltbook",
      "data:",
      `  MOLTBOOK_API_KEY: ${b64(key)}`,
      "",
    ].join("\n");
    expect(found(yaml)).toEqual([["base64", 6, 21, fp(key)]]);
  });

  it.each([0, 1, 2, 3, 4, 5])("finds the key after %i other bytes, at the group that holds it", (lead) => {
    const key = makeKey();
    const prefix = "K".repeat(lead);
    const encoded = b64(prefix + key + "\n");
    const column = 7 + Math.floor(lead / 3) * 4;
    expect(found(`value=${encoded}`)).toEqual([["base64", 1, column, fp(key)]]);
  });

  it("decodes a whole multi-line .env file", () => {
    const key = makeKey();
    const env = `# settings\nMOLTBOOK_URL=https://www.moltbook.com\nMOLTBOOK_API_KEY=${key}\nDEBUG=1\n`;
    const encoded = b64(env);
    const keyAt = env.indexOf(key);
    expect(found(`ENV_FILE: "${encoded}"`)).toEqual([["base64", 1, 12 + Math.floor(keyAt / 3) * 4, fp(key)]]);
  });

  it("follows base64 wrapped at 76 columns onto the next line", () => {
    const key = makeKey();
    const text = "x".repeat(40) + "\nMOLTBOOK_API_KEY=" + key + "\n";
    const encoded = b64(text);
    const lines = encoded.match(/.{1,76}/g) ?? [];
    const keyChar = Math.floor(text.indexOf(key) / 3) * 4; // where its group starts in the encoding
    const result = found(lines.map((l) => "    " + l).join("\n"));
    expect(result).toEqual([["base64", Math.floor(keyChar / 76) + 1, 5 + (keyChar % 76), fp(key)]]);
  });

  // Base64 of ASCII text never uses the two characters where the alphabets differ, so the rest of
  // the value tells them apart.
  it.each([0, 2])("labels unpadded base64 as URL-safe (%i bytes before the key)", (lead) => {
    const key = makeKey();
    expect(found(`t=${b64url("L".repeat(lead) + key)}`)).toEqual([["base64url", 1, 3, fp(key)]]);
  });

  it("labels base64 with - or _ as URL-safe", () => {
    const key = makeKey();
    const value = Buffer.concat([Buffer.from([0xfb, 0xff, 0xbf]), Buffer.from(key)]).toString("base64url");
    expect(value).toMatch(/^-_-/);
    expect(found(`t=${value}&x=1`)).toEqual([["base64url", 1, 7, fp(key)]]);
  });

  it("labels base64 with + or / as standard", () => {
    const key = makeKey();
    const value = Buffer.concat([Buffer.from([0xfb, 0xff, 0xbf]), Buffer.from(key)]).toString("base64");
    expect(value).toMatch(/^\+\/\+/);
    expect(found(`t=${value}`)).toEqual([["base64", 1, 7, fp(key)]]);
  });

  it("labels padded base64 as standard", () => {
    const key = makeKey();
    expect(found(`t=${b64("L" + key)}`)).toEqual([["base64", 1, 3, fp(key)]]);
  });

  it("decodes a base64 developer key", () => {
    const key = makeDevKey(40);
    expect(found(`k: ${b64(key)}`)).toEqual([["base64", 1, 4, fp(key)]]);
  });

  it.each([
    ["a placeholder", API + repeat("x", 32)],
    ["a 33-character body", API + randomBody(33)],
    ["a 31-character body", API + randomBody(31)],
    ["a verification code", "moltbook_verify_" + randomBody(32)],
  ])("ignores %s in base64", (_name, text) => {
    expect(found(`v: ${b64(text)}\n`)).toEqual([]);
  });

  it("ignores base64 text read at the wrong phase", () => {
    // Drop the first character: the needle is still there, but not on the value's 4-character grid.
    expect(found(`v: ${b64("ab" + makeKey() + "\n").slice(1)}\n`)).toEqual([]);
  });
});

describe("percent-encoding", () => {
  it.each([
    ["upper-case hex", upperHex],
    ["lower-case hex", lowerHex],
  ])("decodes a fully %-encoded key (%s)", (_name, hex) => {
    const key = makeKey();
    expect(found(`GET /v1/me?api_key=${percentAll(key, hex)}&x=1`)).toEqual([["percent", 1, 20, fp(key)]]);
  });

  it("decodes a key whose underscores are %-encoded", () => {
    const key = makeKey("a_b" + randomBody(29).replace(/_/g, "a"));
    const encoded = key.replace(/_/g, "%5F");
    expect(found(`url: "https://x.example/?k=${encoded}"`)).toEqual([["percent", 1, 28, fp(key)]]);
  });

  it("ignores a %-encoded placeholder", () => {
    expect(found(percentAll(API + repeat("X", 32), upperHex))).toEqual([]);
  });
});

describe("JSON/JS escapes", () => {
  it.each([
    ["\\uXXXX", uEscape],
    ["\\xXX", xEscape],
    ["\\uXXXX upper-case", (s: string) => uEscape(s).replace(/[a-f]/g, (c) => c.toUpperCase())],
    ["\\u{X}", (s: string) => [...s].map((c) => `\\u{${c.charCodeAt(0).toString(16)}}`).join("")],
  ])("decodes a key written with %s escapes", (_name, escape) => {
    const key = makeKey();
    const escaped = escape(key);
    expect(found(`{"k": "${escaped}"}`)).toEqual([["escape", 1, 8, fp(key)]]);
  });

  it("decodes a key with only some characters escaped", () => {
    const key = makeKey();
    const escaped = key.replace(/_/g, "\\u005f");
    expect(found(`"${escaped}"`)).toEqual([["escape", 1, 2, fp(key)]]);
  });

  it("ignores an escaped placeholder", () => {
    expect(found(`"${uEscape(API + repeat("x", 32))}"`)).toEqual([]);
  });
});

describe("concatenation of literals", () => {
  const key = makeKey();
  const splits = Array.from({ length: key.length - 8 }, (_, i) => i + 8); // after "moltbook" up to the last character
  it.each(splits)('finds "…" + "…" split after character %i (JS/TS/Java/Go)', (at) => {
    const text = `const k = "${key.slice(0, at)}" + "${key.slice(at)}";`;
    expect(found(text)).toEqual([["concatenation", 1, 12, fp(key)]]);
  });

  it.each([
    ["JS over lines", `const k =\n  "${key.slice(0, 20)}" +\n  "${key.slice(20)}";`, 2, 4],
    ["JS with + leading the next line", `const k = '${key.slice(0, 20)}'\n  + '${key.slice(20)}';`, 1, 12],
    ["JS in three pieces", `k = "${key.slice(0, 15)}" + "${key.slice(15, 30)}" + "${key.slice(30)}"`, 1, 6],
    ["template literals", "k = `" + key.slice(0, 25) + "` + `" + key.slice(25) + "`", 1, 6],
    ["Python implicit", `key = ("${key.slice(0, 20)}"\n       "${key.slice(20)}")`, 1, 9],
    ["Python f-string piece", `key = ("${key.slice(0, 20)}" f"${key.slice(20)}")`, 1, 9],
    ["Python backslash between literals", `key = "${key.slice(0, 20)}" \\\n    "${key.slice(20)}"`, 1, 8],
    ["Ruby", `KEY = "${key.slice(0, 30)}" + '${key.slice(30)}'`, 1, 8],
    ["Go", `const k = "${key.slice(0, 17)}" +\n\t"${key.slice(17)}"`, 1, 12],
    ["PHP", `$k = '${key.slice(0, 22)}' . '${key.slice(22)}';`, 1, 7],
    ["a string that starts earlier", `auth = "Bearer ${key.slice(0, 20)}" + "${key.slice(20)}"`, 1, 16],
  ])("finds %s", (_name, text, line, column) => {
    expect(found(text)).toEqual([["concatenation", line, column, fp(key)]]);
  });

  it.each([
    ["a variable", `k = "${API}" + process.env.MOLTBOOK_KEY_BODY`],
    ["a function call", `k = "${API}" + getKeyBody("0123456789abcdefghijklmnopqrstuv")`],
    ["a placeholder", `k = "${API}" + "${repeat("x", 32)}"`],
    ["a 33-character result", `k = "${API}${randomBody(16)}" + "${randomBody(17)}"`],
    ["a 31-character result", `k = "${API}${randomBody(16)}" + "${randomBody(15)}"`],
  ])("ignores concatenation with %s", (_name, text) => {
    expect(found(text)).toEqual([]);
  });

  it("reports a whole key in one literal as plain, once", () => {
    const k = makeKey();
    expect(found(`k = "${k}" + "\\n" + "${randomBody(10)}"`)).toEqual([["plain", 1, 6, fp(k)]]);
  });
});

describe("shell line continuation", () => {
  const key = makeKey();
  const splits = Array.from({ length: key.length - 12 - 1 }, (_, i) => i + 13);
  it.each(splits)("finds a key continued after character %i", (at) => {
    const text = `export MOLTBOOK_API_KEY=${key.slice(0, at)}\\\n${key.slice(at)}\n`;
    expect(found(text)).toEqual([["line-continuation", 1, 25, fp(key)]]);
  });

  it("finds a key continued over CRLF", () => {
    expect(found(`curl -H "Authorization: Bearer ${key.slice(0, 30)}\\\r\n${key.slice(30)}"`)).toEqual([
      ["line-continuation", 1, 32, fp(key)],
    ]);
  });

  it("ignores a continuation that makes the body too long", () => {
    expect(found(`K=${API}${randomBody(20)}\\\n${randomBody(13)}\n`)).toEqual([]);
  });
});

// The needle is `moltbook`; everything after it may already be encoded, split or continued. The
// scanner passes over a `moltbook` whose next bytes leave the prefix (`moltbook_client`), so each
// form must still be found when it starts at any point of the rest of the prefix.
describe("a key whose encoding starts right after `moltbook`", () => {
  const key = makeKey();
  const starts = [8, 9, 10, 11, 12];
  it.each(starts)("finds the rest %%-encoded from character %i", (at) => {
    expect(found(`k=${key.slice(0, at)}${percentAll(key.slice(at), upperHex)}&`)).toEqual([
      ["percent", 1, 3, fp(key)],
    ]);
  });
  it.each(starts)("finds the rest \\u-escaped from character %i", (at) => {
    expect(found(`"${key.slice(0, at)}${uEscape(key.slice(at))}"`)).toEqual([["escape", 1, 2, fp(key)]]);
  });
  it.each(starts)("finds the rest \\x-escaped from character %i", (at) => {
    expect(found(`"${key.slice(0, at)}${xEscape(key.slice(at))}"`)).toEqual([["escape", 1, 2, fp(key)]]);
  });
  it.each(starts)("finds a key continued after character %i", (at) => {
    expect(found(`K=${key.slice(0, at)}\\\n${key.slice(at)}\n`)).toEqual([
      ["line-continuation", 1, 3, fp(key)],
    ]);
  });
  it.each(starts)("finds a key split into template literals after character %i", (at) => {
    expect(found("k = `" + key.slice(0, at) + "` + `" + key.slice(at) + "`")).toEqual([
      ["concatenation", 1, 6, fp(key)],
    ]);
  });
  it.each(["moltbook_client", "moltbook.example", "moltbookUserId", "moltbook/sdk", "moltbook_sk-"])(
    "finds nothing after %s",
    (name) => {
      expect(found(`${name} = "${randomBody()}" + "${randomBody()}"`)).toEqual([]);
    },
  );
});
