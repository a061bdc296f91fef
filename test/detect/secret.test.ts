import { format, inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { scanText, SecretValue } from "../../src/detect/index.js";
import { makeKey } from "./make-key.js";

describe("SecretValue", () => {
  const key = makeKey();
  const secret = new SecretValue(key);
  const printed: [string, () => string][] = [
    ["String()", () => String(secret)],
    ["concatenation", () => "" + secret],
    ["a template literal", () => `${secret}`],
    ["JSON.stringify", () => JSON.stringify({ secret })],
    ["util.inspect", () => inspect(secret)],
    ["util.inspect, hidden fields shown", () => inspect(secret, { showHidden: true, depth: 5 })],
    ["console-style %s", () => format("%s", secret)],
    ["console-style %o", () => format("%o", secret)],
    ["console-style %O", () => format("%O", secret)],
    ["console-style %j", () => format("%j", secret)],
    ["console-style plain argument", () => format("found", secret)],
    ["an Error message", () => new Error(`leaked ${secret}`).message],
    ["Object.entries", () => JSON.stringify(Object.entries(secret))],
    ["a finding, inspected", () => inspect(scanText(key), { depth: 10 })],
    ["a finding, as JSON", () => JSON.stringify(scanText(key))],
  ];
  it.each(printed)("prints only the redacted form through %s", (_name, print) => {
    const text = print();
    expect(text.includes(key)).toBe(false);
    expect(text).toContain(secret.redacted);
  });

  it("gives the raw key to reveal() alone", () => {
    expect(secret.reveal() === key).toBe(true);
    expect(secret.redacted).toBe(`${key.slice(0, 16)}…${key.slice(-4)}`);
  });
});
