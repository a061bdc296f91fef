import type { KeyRecord } from "../../moltbook/types.js";
import type { GovernancePolicy, RotationFinding } from "../policy/types.js";
import { findingHeadline } from "./finding-headline.js";
import { formatDate } from "./format-date.js";
import type { IssueContent } from "./issue-content.js";
import { renderRotationSteps } from "./render-rotation-steps.js";

export function describeRotation(
  finding: RotationFinding,
  key: KeyRecord,
  policy: GovernancePolicy,
  governanceRepo: string,
): IssueContent {
  const { maxAgeDays, warnDays } = policy.rotation;
  const due = formatDate(finding.dueAt);
  const what =
    finding.state === "expired"
      ? `This key expired on ${due}, yet Moltbook still reports it active: anyone holding a copy can still use it.`
      : finding.state === "overdue"
        ? `This key was created on ${formatDate(key.created_at)} and passed the ${maxAgeDays}-day maximum age on ${due}.`
        : finding.dueBecause === "expiry"
          ? `This key expires on ${due}. Rotate it before then, or whatever uses it stops working.`
          : `This key reaches the ${maxAgeDays}-day maximum age on ${due}. Rotate it by then.`;
  return {
    headline: findingHeadline(finding),
    policy: [
      what,
      "",
      `**Policy:** every key is rotated at least every ${maxAgeDays} days, and before it expires; owners are warned ${warnDays} days ahead.`,
      "**Why:** the longer a key lives, the more places it is copied to, and the longer a leaked copy stays useful to whoever found it.",
    ].join("\n"),
    steps: renderRotationSteps(key, policy, governanceRepo),
  };
}
