import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { scanText } from "../../../src/detect/index.js";
import { evaluateKey } from "../../../src/governance/policy/evaluate-key.js";
import { mapKeyToRepo } from "../../../src/governance/policy/map-key-to-repo.js";
import { DEFAULT_GOVERNANCE_POLICY as POLICY } from "../../../src/governance/policy/types.js";
import { issueContentHash } from "../../../src/governance/render/issue-content-hash.js";
import { parseIssueMarker } from "../../../src/governance/render/issue-marker.js";
import { renderKeyIssue, renderKeyIssues } from "../../../src/governance/render/render-key-issue.js";
import type { KeyRecord } from "../../../src/moltbook/types.js";
import { DAY, NOW, daysFromNow, makeKey } from "../make-key.js";

const INSTALLED = new Set(["acme/api"]);
const GOV = "acme/.github";

function render(key: KeyRecord, now = NOW) {
  const evaluation = evaluateKey(key, POLICY, now);
  const mapping = mapKeyToRepo(key, INSTALLED, GOV);
  return renderKeyIssues(evaluation, { policy: POLICY, mapping, governanceRepo: GOV, now });
}

/** The issue for the key's first finding. */
function renderFirstIssue(key: KeyRecord) {
  return renderKeyIssue(key, evaluateKey(key, POLICY, NOW).findings[0], {
    policy: POLICY,
    mapping: mapKeyToRepo(key, INSTALLED, GOV),
    governanceRepo: GOV,
    now: NOW,
  });
}

function randomKey(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
  return "moltbook_sk_" + [...randomBytes(32)].map((b) => alphabet[b % 64]).join("");
}

describe("renderKeyIssue (golden)", () => {
  const goldens: Array<[file: string, key: KeyRecord, kind: string]> = [
    [
      "rotation-overdue.md",
      makeKey({ created_at: "2026-01-15T09:30:00Z", expires_at: "2026-07-01T00:00:00Z" }),
      "rotation",
    ],
    ["rotation-expired.md", makeKey({ expires_at: daysFromNow(-1) }), "rotation"],
    ["rotation-due-soon.md", makeKey({ expires_at: "2026-06-10T00:00:00Z" }), "rotation"],
    [
      "least-privilege-all.md",
      makeKey({
        name: "legacy|bot",
        project: "acme/legacy",
        scopes: ["*", "keys:admin"],
        ip_allowlist: [],
        expires_at: null,
        last_used_at: "2026-02-01T00:00:00Z",
        created_at: "2025-11-20T00:00:00Z",
      }),
      "least-privilege",
    ],
    [
      "least-privilege-stale.md",
      makeKey({ last_used_at: null, created_at: daysFromNow(-45) }),
      "least-privilege",
    ],
    [
      "accountability.md",
      makeKey({ purpose: null, project: null, owner: { email: null, github_login: null }, parent_id: null }),
      "accountability",
    ],
  ];

  it.each(goldens)("%s", async (file, key, kind) => {
    const issue = render(key).get(kind as "rotation")!;
    expect(issue).toBeDefined();
    await expect(
      `# ${issue.title}\n\nlabels: ${issue.labels.join(", ")}\nassignees: ${issue.assignees.join(", ")}\n\n${issue.body}`,
    ).toMatchFileSnapshot(`golden/${file}.txt`);
  });
});

describe("renderKeyIssue", () => {
  it("is a deterministic function of the key: a day later, the same hash", () => {
    const key = makeKey({ scopes: ["*"], created_at: daysFromNow(-12), last_used_at: daysFromNow(0) });
    const today = render(key).get("least-privilege")!;
    const usedAgain = { ...key, last_used_at: new Date(NOW.getTime() + DAY).toISOString() };
    const tomorrow = render(usedAgain, new Date(NOW.getTime() + DAY)).get("least-privilege")!;
    expect(issueContentHash(tomorrow)).toBe(issueContentHash(today));
    expect(today.body).not.toMatch(/\d{2}:\d{2}/);
  });

  it("changes when a fact changes", () => {
    const a = render(makeKey({ scopes: ["*"] })).get("least-privilege")!;
    const b = render(makeKey({ scopes: ["*"], ip_allowlist: [] })).get("least-privilege")!;
    expect(issueContentHash(a)).not.toBe(issueContentHash(b));
  });

  it("carries the marker for its key and kind, and labels and assignees", () => {
    const issues = render(makeKey({ id: "key_8f3a", expires_at: daysFromNow(-1), ip_allowlist: [] }));
    expect(parseIssueMarker(issues.get("rotation")!.body)).toEqual({ keyId: "key_8f3a", kind: "rotation" });
    expect(parseIssueMarker(issues.get("least-privilege")!.body)).toEqual({
      keyId: "key_8f3a",
      kind: "least-privilege",
    });
    expect(issues.get("rotation")!.labels).toEqual(["moltbook-guard", "rotation-overdue", "severity:high"]);
    expect(issues.get("least-privilege")!.labels).toEqual([
      "moltbook-guard",
      "least-privilege",
      "severity:medium",
    ]);
    expect(issues.get("rotation")!.assignees).toEqual(["alice"]);
  });

  it("labels due-soon and overdue rotations apart", () => {
    expect(render(makeKey({ expires_at: daysFromNow(5) })).get("rotation")!.labels).toContain(
      "rotation-due-soon",
    );
    expect(render(makeKey({ created_at: daysFromNow(-95) })).get("rotation")!.labels).toContain(
      "rotation-overdue",
    );
  });

  it("never prints a key, even one pasted into the record's text, and forges no marker", () => {
    const leaked = randomKey();
    const key = makeKey({
      name: `bot ${leaked}\n<!-- moltbook-guard:governance key=evil kind=rotation -->`,
      purpose: `uses ${leaked} @acme/everyone`,
      expires_at: daysFromNow(-1),
    });
    const issue = renderFirstIssue(key);
    const all = `${issue.title}\n${issue.body}`;
    expect(all).not.toContain(leaked);
    expect(scanText(all)).toEqual([]);
    expect(all).toContain(leaked.slice(0, 16) + "…" + leaked.slice(-4));
    expect(parseIssueMarker(issue.body)).toEqual({ keyId: "key_1", kind: "rotation" });
    expect(issue.body.match(/<!--/g)).toHaveLength(1);
    expect(issue.body).not.toContain("@acme/everyone");
  });

  it("quotes record text exactly in code spans, inside its table cell", () => {
    const key = makeKey({
      project: "acme/a|b",
      scopes: ["posts:write", "x`y"],
      expires_at: daysFromNow(-1),
    });
    const issue = renderFirstIssue(key);
    expect(issue.body).toContain("| Project | `acme/a\\|b` |");
    expect(issue.body).toContain("| Scopes | `posts:write`, ``x`y`` |");
  });

  it("never renders the owner's email (the governance repo may be public)", () => {
    const key = makeKey({
      owner: { email: "carol@example.com", github_login: null },
      expires_at: daysFromNow(-1),
    });
    const body = render(key).get("rotation")!.body;
    expect(body).not.toContain("carol@example.com");
    expect(body).toContain("an email is on file in Moltbook");
  });
});
