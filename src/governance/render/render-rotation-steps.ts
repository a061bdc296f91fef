import type { KeyRecord } from "../../moltbook/types.js";
import { escapeMarkdown, inlineCode } from "../../report/markdown.js";
import { isGovernanceKey } from "../policy/is-governance-key.js";
import type { GovernancePolicy } from "../policy/types.js";

/**
 * The rotation checklist: a new sub-key with only the scopes it needs, an expiry within the
 * maximum age and an allowlist; deploy it; revoke the old one. Moltbook keys cannot be narrowed
 * in place, so every least-privilege fix is a rotation too.
 */
export function renderRotationSteps(
  key: KeyRecord,
  policy: GovernancePolicy,
  governanceRepo: string,
): string {
  const wide = !isGovernanceKey(key) && key.scopes.some((s) => s === "*" || s === "keys:admin");
  const scopes = wide
    ? `only the scopes it calls (not ${key.scopes.includes("*") ? inlineCode("*") : inlineCode("keys:admin")})`
    : key.scopes.length > 0
      ? `only the scopes it needs (today: ${key.scopes.map((s) => inlineCode(s)).join(", ")})`
      : "only the scopes it needs";
  const where = key.project?.trim() ? ` (${inlineCode(key.project)})` : "";
  const name = escapeMarkdown(key.name) || "this key";
  return [
    `- [ ] Create a new sub-key for **${name}** in Moltbook with ${scopes}, an expiry at most ${policy.rotation.maxAgeDays} days away, and an IP allowlist of the hosts that call Moltbook with it.`,
    `- [ ] Deploy the new key everywhere the old one is used${where}, and check it works.`,
    `- [ ] Revoke the old key (${inlineCode(`${key.prefix}…`)}) in Moltbook, or tick its box on the governance dashboard in ${inlineCode(governanceRepo)}.`,
  ].join("\n");
}
