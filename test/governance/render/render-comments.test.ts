import { describe, expect, it } from "vitest";
import { renderCloseComment } from "../../../src/governance/render/render-close-comment.js";
import { renderReopenComment } from "../../../src/governance/render/render-reopen-comment.js";
import { makeKey } from "../make-key.js";

const key = makeKey();

describe("renderCloseComment", () => {
  it.each([
    ["rotation", "rotated", "was rotated: a new key replaced it and the old one no longer works"],
    ["rotation", "revoked", "was revoked and no longer works"],
    ["least-privilege", "expired", "has expired and no longer works"],
    ["rotation", "fixed", "it is within the rotation policy again"],
    ["least-privilege", "fixed", "it now meets the least-privilege policy"],
    ["accountability", "fixed", "its purpose, project and owner are now recorded"],
    ["accountability", "removed", "is no longer in the Moltbook inventory"],
  ] as const)("%s / %s", (kind, reason, text) => {
    expect(renderCloseComment(kind, reason, key)).toBe(
      `Closing: **deploy-bot** (\`moltbook_sk_Ab3d…\`) ${text}. Thank you! If it goes out of policy again, this issue reopens.`,
    );
  });
});

describe("renderReopenComment", () => {
  it("says what is wrong again", () => {
    expect(
      renderReopenComment(
        { kind: "least-privilege", severity: "medium", violations: [{ check: "ip_allowlist" }] },
        key,
      ),
    ).toBe(
      "Reopening: **deploy-bot** (`moltbook_sk_Ab3d…`) is out of policy again (least privilege: no IP allowlist). The description above is up to date.",
    );
    expect(
      renderReopenComment(
        {
          kind: "rotation",
          severity: "medium",
          state: "overdue",
          dueAt: "2026-01-01T00:00:00Z",
          dueBecause: "max_age",
        },
        key,
      ),
    ).toContain("(rotation overdue)");
  });
});

describe("renderCloseComment for a key no longer in the inventory", () => {
  it("names it by id", () => {
    expect(renderCloseComment("rotation", "removed", { id: "key_9" })).toBe(
      "Closing: The key with id `key_9` is no longer in the Moltbook inventory. Thank you! If it goes out of policy again, this issue reopens.",
    );
  });
});
