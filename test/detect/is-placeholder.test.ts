import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isPlaceholder } from "../../src/detect/index.js";
import { ALPHABET, randomBody, repeat } from "./make-key.js";

describe("isPlaceholder", () => {
  const placeholders: [string, string][] = [
    ["32 x's", repeat("x", 32)],
    ["32 X's", repeat("X", 32)],
    ["a few x's", "xxxx"],
    ["32 zeros", repeat("0", 32)],
    ["one char repeated in a key", "Ab3d" + repeat("a", 7) + randomBody(21)],
    ["ellipsis", "..."],
    ["YOUR_KEY_HERE", "YOUR_KEY_HERE"],
    ["YOUR_KEY_HERE padded to 32", "YOUR_KEY_HERE_" + repeat("0", 18)],
    ["your_api_key words", "your_api_key_goes_here_12345678a"],
    ["Your-Api-Key words", "Your-Api-Key-" + randomBody(19)],
    ["<your-key>", "<your-key>"],
    ["<your-api-key>", "<your-api-key>"],
    ["stars", "****"],
    ["32 stars", repeat("*", 32)],
    ["template var", "${MOLTBOOK_SECRET}"],
    ["mustache", "{{ secrets.MOLTBOOK_KEY }}"],
    ["process.env", "process.env.MOLTBOOK_KEY"],
    ["shell var", "$MOLTBOOK_KEY"],
    ["hex example", "0123456789abcdef0123456789abcdef"],
    ["alphabet", "abcdefghijklmnopqrstuvwxyz012345"],
    ["descending", "zyxwvutsrq" + randomBody(22)],
    ["repeated pair", repeat("ab", 16)],
    ["repeated word", repeat("deadbeef", 4)],
    ["few distinct characters", "aaaabbbbccccddddaaaabbbbeeeeffff"],
    ["few distinct characters, shuffled", "abcabdcadbcabdbacdbdacbadcbadbca"],
    ["redacted with ellipsis", "Ab3d…x9Q0"],
    ["redacted with dots", "Ab3d...x9Q0"],
    ["example word", randomBody(10) + "EXAMPLE" + randomBody(15)],
    ["screaming identifier", "MOLTBOOK_SECRET_KEY_PRODUCTION_1"],
    ["snake identifier", "my_moltbook_api_key_for_staging1"],
    ["changeme", "changeme" + randomBody(24)],
    ["redacted word", "REDACTED_" + randomBody(23)],
    ["empty", ""],
  ];
  it.each(placeholders)("rejects %s", (_name, body) => {
    expect(isPlaceholder(body)).toBe(true);
  });

  const real: [string, string][] = [
    ["random body", randomBody()],
    ["body starting with _", "_" + randomBody(31)],
    ["body ending with -", randomBody(31) + "-"],
    ["six of a kind is chance, not a mask", "Ab3d" + repeat("Q", 6) + "x9Q0Zk2LmN7pR4sT8vW1yB5cE6"],
    ["short word 'your' by chance", "Qz7your" + "K2mN8pR4sT1vW5yB6cE3fG9hJ0"],
    ["short word 'test' by chance", "9TtestLk2mN8pR4sT1vW5yB6cE3fGqh"],
    ["six-long run up is chance", "abcdef" + "Q7mN8pR4sT1vW5yB6cE3fG9hJ0K2"],
  ];
  it.each(real)("accepts %s", (_name, body) => {
    expect(isPlaceholder(body)).toBe(false);
  });

  it("rejects none of one million crypto-random keys", () => {
    const n = 1_000_000;
    const bytes = randomBytes(n * 32);
    for (let j = 0; j < bytes.length; j++) bytes[j] = ALPHABET.charCodeAt(bytes[j] & 63);
    const all = bytes.toString("latin1");
    let rejected = 0;
    for (let k = 0; k < n; k++) if (isPlaceholder(all.slice(k * 32, k * 32 + 32))) rejected++;
    expect(rejected).toBe(0);
  });
});
