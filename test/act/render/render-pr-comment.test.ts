import { describe, expect, it } from "vitest";
import { hasMarker, PR_COMMENT_MARKER, renderPrComment } from "../../../src/act/render/index.js";
import { COMMIT_SHA, context, fixedDevKey, fixedKey, incident, KEY_SHAPED } from "./fixtures.js";

const key = fixedKey(1);
const other = fixedKey(2);

// The key's life, one golden each: the same comment, edited in place.
const lifecycle = {
  found: [
    incident(key, {
      status: "revoke_failed",
      revokedAt: undefined,
      error:
        "Moltbook did not answer within 10 s (POST /keys/revoke). To resolve, wait: the revocation is retried every minute.",
    }),
  ],
  revoked: [incident(key)],
  removed: [incident(key, { status: "report_only", revokedAt: undefined, removedFromHead: true })],
  resolved: [
    incident(key, { removedFromHead: true }),
    incident(other, {
      status: "already_revoked",
      revokedAt: "2026-10-01T00:00:00.000Z",
      keyName: undefined,
      keyOwner: undefined,
      keyScopes: undefined,
      locations: [{ path: "config/settings.py", line: 4, column: 12, encoding: "plain", commit: COMMIT_SHA }],
      removedFromHead: true,
    }),
  ],
};

describe("renderPrComment", () => {
  it.each(Object.entries(lifecycle))("renders the %s stage", async (stage, incidents) => {
    const body = renderPrComment(incidents, context());
    expect(body.startsWith(PR_COMMENT_MARKER)).toBe(true);
    expect(body).not.toContain(key);
    expect(body).not.toMatch(KEY_SHAPED);
    await expect(body).toMatchFileSnapshot(`__golden__/pr-comment.${stage}.txt`);
  });

  it("says what revocation means for apps still using the key", () => {
    const body = renderPrComment(lifecycle.revoked, context());
    expect(body).toContain("Any app still using it now gets `401 Unauthorized` until it is given a new key.");
    expect(body).toContain(
      "Revoked by Moltbook Guard at 2026-11-29 01:02:04 UTC, 1.2 s after Moltbook Guard saw it.",
    );
    expect(body).toContain("- [x] **Revoke the key.**");
    expect(body).toContain("- [ ] **(a) Remove the key from the code**");
  });

  it("ticks the code step once the key is gone from the head", () => {
    const body = renderPrComment(lifecycle.resolved, context());
    expect(body).toContain("### ✅ Resolved: all 2 leaked keys are revoked and removed from the code");
    expect(body).toContain("- [x] **(a) Remove the key from the code**");
  });

  it("says plainly when revocation failed, with the manual steps and the retry", () => {
    const body = renderPrComment(lifecycle.found, context());
    expect(body).toContain("**Revocation failed, so the key is still ACTIVE.**");
    expect(body).toContain("Moltbook Guard keeps retrying");
    expect(body).toContain("/keys/revoke");
    expect(body).toContain(lifecycle.found[0].fingerprint);
  });

  it.each([
    ["report_only", "This repository's policy is to report leaks, not revoke them"],
    ["dry_run", "dry-run mode"],
  ] as const)("says a %s key is still ACTIVE and needs a person", (status, why) => {
    const body = renderPrComment([incident(key, { status, revokedAt: undefined })], context());
    expect(body).toContain("**The key is still ACTIVE.**");
    expect(body).toContain(why);
    expect(body).toContain("- [ ] **Revoke the key now: it still works.**");
  });

  it("tells developer key owners to rotate in the developer dashboard", async () => {
    const dev = fixedDevKey(3);
    const body = renderPrComment(
      [
        incident(dev, {
          status: "not_revocable",
          revokedAt: undefined,
          keyScopes: undefined,
          keyName: undefined,
          keyOwner: undefined,
        }),
      ],
      context(),
    );
    expect(body).toContain("cannot be revoked through the API");
    expect(body).toContain("Moltbook developer dashboard");
    expect(body).not.toContain("(b) Create a replacement sub-key");
    expect(body).not.toContain(dev);
    await expect(body).toMatchFileSnapshot("__golden__/pr-comment.dev-key.txt");
  });

  it("makes purging the history optional in a private repository", async () => {
    const body = renderPrComment(lifecycle.revoked, context({ visibility: "private" }));
    expect(body).toContain("(c) Purging the history is optional here");
    expect(body).not.toContain("git filter-repo");
    await expect(body).toMatchFileSnapshot("__golden__/pr-comment.private.txt");
  });

  it("gives the filter-repo recipe in a public repository without the key in it", () => {
    const body = renderPrComment(lifecycle.revoked, context());
    expect(body).toContain("git filter-repo --replace-text ../moltbook-replacements.txt");
    expect(body).toContain("git push --force --all origin");
    expect(body).toContain("Forks, other clones, CI caches");
  });

  it("shows a snippet for each leaking file's language", () => {
    const body = renderPrComment(
      [
        incident(key, {
          locations: [
            { path: "bot/main.py", line: 1, column: 1, encoding: "plain" },
            { path: ".github/workflows/ci.yml", line: 9, column: 25, encoding: "plain" },
            { path: ".env", line: 2, column: 18, encoding: "plain" },
          ],
        }),
      ],
      context(),
    );
    expect(body).toContain('os.environ["MOLTBOOK_API_KEY"]');
    expect(body).toContain("${{ secrets.MOLTBOOK_API_KEY }}");
    expect(body).toContain("git rm --cached .env");
  });

  it("links to the exact lines, at the commit when known", () => {
    const body = renderPrComment(lifecycle.resolved, context());
    expect(body).toContain(
      `https://github.com/acme/widgets/blob/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b/src/client.ts#L12`,
    );
    expect(body).toContain(`https://github.com/acme/widgets/blob/${COMMIT_SHA}/config/settings.py#L4`);
  });

  it("has the false-positive command and the docs link in the footer", () => {
    const body = renderPrComment(lifecycle.revoked, context({ docsUrl: "https://docs.example.test/config" }));
    expect(body).toContain("`/moltbook-guard ignore <reason>`");
    expect(body).toContain("(https://docs.example.test/config)");
  });

  it("quotes paths exactly and keeps error text from pinging anyone or forging HTML", () => {
    const body = renderPrComment(
      [
        incident(key, {
          status: "unknown",
          revokedAt: undefined,
          error: `Moltbook said: ask @acme/security ${PR_COMMENT_MARKER}\n- [x] done`,
          locations: [
            { path: "web/@team/<b>x`y.ts", line: 3, column: 1, encoding: "plain" },
            { path: "src/a).ts", line: 4, column: 1, encoding: "plain" },
          ],
        }),
      ],
      context(),
    );
    // In a code span GitHub shows HTML as written and links no mention.
    expect(body).toContain("[``web/@team/<b>x`y.ts`` line 3](");
    expect(body).toContain(
      "(Moltbook said: ask @&#8203;acme/security &lt;\\!-- moltbook-guard:pr-comment --&gt; - \\[x\\] done)",
    );
    expect(body.split(PR_COMMENT_MARKER)).toHaveLength(2);
    expect(body).toContain("/src/a%29.ts#L4)");
  });

  it("stays under GitHub's comment limit however many keys leak", () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      incident(fixedKey(100 + i), {
        locations: Array.from({ length: 30 }, (_, l) => ({
          path: `src/f${l}.ts`,
          line: l + 1,
          column: 1,
          encoding: "plain" as const,
        })),
      }),
    );
    const body = renderPrComment(many, context());
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(hasMarker(body)).toBe(true);
  });
});

describe("hasMarker", () => {
  it("finds Moltbook Guard's comment among others", () => {
    expect(hasMarker(`${PR_COMMENT_MARKER}\nhello`)).toBe(true);
    expect(hasMarker("LGTM")).toBe(false);
    expect(hasMarker(null)).toBe(false);
    expect(hasMarker(undefined)).toBe(false);
  });
});
