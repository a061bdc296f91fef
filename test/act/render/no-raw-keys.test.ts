// Every renderer, fed raw keys everywhere a careless one could echo them, prints none of them.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  groupIncidentLocations,
  renderCheckRun,
  renderIncidentIssue,
  renderPrComment,
  renderRemediationSteps,
  renderReviewComment,
  suggestReplacement,
  type IncidentView,
} from "../../../src/act/render/index.js";
import { scanText } from "../../../src/detect/index.js";
import { context, incident, KEY_SHAPED, randomKey } from "./fixtures.js";

function body(key: string): string {
  return key.slice("moltbook_sk_".length);
}

/** An incident whose every free-text field holds a raw key, as if upstream code had slipped. */
function poisoned(keys: string[]): IncidentView {
  const [a, b, c, d, e, f] = keys;
  return incident(a, {
    status: "revoke_failed",
    revokedAt: undefined,
    error: `Moltbook rejected ${a} (POST /keys/revoke). To resolve, revoke it by hand.`,
    keyName: `bot ${b}`,
    keyOwner: `${c}@example.test`,
    keyScopes: [`scope:${d}`],
    keyId: e,
    locations: [
      { path: `src/${e}.ts`, line: 1, column: 1, encoding: "plain" },
      {
        path: "src/ok.ts",
        line: 2,
        column: 3,
        encoding: "plain",
        url: `https://github.com/x/y/blob/main/a.ts?k=${f}`,
      },
      { path: `(${f})`, line: 1, column: 1, encoding: "base64" },
    ],
  });
}

describe("no renderer ever prints a raw key", () => {
  const keys = Array.from({ length: 6 }, randomKey);
  const view = poisoned(keys);
  const ctx = context({
    pusher: keys[0],
    branch: keys[1],
    docsUrl: `https://docs.test/${keys[2]}`,
    repoFullName: "acme/widgets",
  });

  const outputs: [string, () => unknown][] = [
    [
      "check run",
      () =>
        renderCheckRun([view], ctx, {
          configErrors: [`ignore.0.fingerprint: got "${keys[3]}"`],
          skipped: [{ path: keys[4], reason: keys[5] }],
        }),
    ],
    ["PR comment", () => renderPrComment([view], ctx)],
    ["incident issue", () => renderIncidentIssue(view, ctx, { labels: [keys[0]] })],
    ["remediation steps", () => renderRemediationSteps([view], ctx)],
    [
      "suggestion",
      () =>
        suggestReplacement({ path: "a.ts", lineText: `const k = "${keys[0]}"; // ${keys[1]}`, column: 12 }),
    ],
    [
      "review comment",
      () =>
        renderReviewComment({
          path: "a.py",
          line: 1,
          lineText: `K = "${keys[0]}"`,
          column: 6,
          redacted: keys[1],
        }),
    ],
  ];

  it.each(outputs)("%s", (_name, render) => {
    const text = JSON.stringify(render() ?? null);
    for (const key of keys) {
      expect(text).not.toContain(key);
      expect(text).not.toContain(body(key));
    }
    expect(text).not.toMatch(KEY_SHAPED);
  });

  it("grouping findings drops the secret", () => {
    const key = randomKey();
    const findings = scanText(`a = "${key}"\nb = "${key}"`, { path: "a.py" });
    const groups = groupIncidentLocations(findings);
    expect(groups).toHaveLength(1);
    expect(groups[0].locations).toHaveLength(2);
    expect(Object.keys(groups[0]).sort()).toEqual(["fingerprint", "kind", "locations", "redacted"]);
    expect(JSON.stringify(groups)).not.toContain(body(key));
    // Even util.inspect-style walks find nothing: the SecretValue never made it in.
    expect(Object.values(groups[0]).some((v) => typeof v === "object" && v !== null && "reveal" in v)).toBe(
      false,
    );
  });
});

describe("golden files", () => {
  const dir = fileURLToPath(new URL("./__golden__/", import.meta.url));

  it("hold only redacted keys", () => {
    const files = readdirSync(dir);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(dir + file, "utf8");
      expect(text, file).not.toMatch(KEY_SHAPED);
      expect(scanText(text, { path: file }), file).toEqual([]);
    }
  });
});
