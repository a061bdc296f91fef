import type { KeyRecord } from "../../moltbook/types.js";
import { inlineCode } from "../../report/markdown.js";
import type { GovernancePolicy, LeastPrivilegeFinding, LeastPrivilegeViolation } from "../policy/types.js";
import { findingHeadline } from "./finding-headline.js";
import { formatDate } from "./format-date.js";
import type { IssueContent } from "./issue-content.js";
import { renderRotationSteps } from "./render-rotation-steps.js";

export function describeLeastPrivilege(
  finding: LeastPrivilegeFinding,
  key: KeyRecord,
  policy: GovernancePolicy,
  governanceRepo: string,
): IssueContent {
  const onlyStale = finding.violations.every((v) => v.check === "stale");
  const revokeSteps = [
    "- [ ] Check that nothing uses this key any more (its project, its owner, the audit log).",
    `- [ ] Revoke it (${inlineCode(`${key.prefix}…`)}) in Moltbook, or tick its box on the governance dashboard in ${inlineCode(governanceRepo)}.`,
  ].join("\n");
  return {
    headline: findingHeadline(finding),
    policy: finding.violations.map((v) => `- ${explain(v, key, policy)}`).join("\n"),
    steps: onlyStale
      ? revokeSteps
      : [
          finding.violations.some((v) => v.check === "stale")
            ? "If nothing uses this key any more, revoke it instead. Otherwise:\n"
            : "",
          renderRotationSteps(key, policy, governanceRepo),
        ].join(""),
  };
}

function explain(v: LeastPrivilegeViolation, key: KeyRecord, policy: GovernancePolicy): string {
  const maxAge = policy.rotation.maxAgeDays;
  switch (v.check) {
    case "wildcard_scopes":
      return (
        `**Scopes ${v.scopes.map((s) => inlineCode(s)).join(" and ")}.** Policy: only key-management keys may hold ` +
        `${inlineCode("*")} or ${inlineCode("keys:admin")}. Why: a leaked copy could do everything ` +
        `(${inlineCode("*")}) or mint new keys (${inlineCode("keys:admin")}).`
      );
    case "ip_allowlist":
      return "**No IP allowlist.** Policy: every key is limited to the addresses that use it. Why: a leaked copy is then useless anywhere else.";
    case "expiry":
      return (
        `**${v.expiresAt ? `Expires on ${formatDate(v.expiresAt)}, more than ${maxAge} days away` : "Never expires"}.** ` +
        `Policy: every key expires within ${maxAge} days. Why: an expiry bounds how long a forgotten or leaked key keeps working.`
      );
    case "stale":
      return (
        `**${v.lastUsedAt ? `Not used since ${formatDate(v.lastUsedAt)}` : `Never used since it was created on ${formatDate(key.created_at)}`}.** ` +
        `Policy: a key unused for ${policy.leastPrivilege.staleAfterDays} days should be revoked. Why: a key nobody uses is all risk and no benefit.`
      );
  }
}
