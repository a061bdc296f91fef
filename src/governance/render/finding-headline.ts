import type { GovernanceFinding, LeastPrivilegeViolation, RotationFinding } from "../policy/types.js";

const ROTATION: Record<RotationFinding["state"], string> = {
  expired: "expired but still active",
  overdue: "rotation overdue",
  due_soon: "rotation due soon",
};

function leastPrivilege(v: LeastPrivilegeViolation): string {
  switch (v.check) {
    case "wildcard_scopes":
      return "wildcard scope";
    case "ip_allowlist":
      return "no IP allowlist";
    case "expiry":
      return v.expiresAt ? "expiry too far off" : "no expiry";
    case "stale":
      return "unused";
  }
}

/** A few words on what is wrong; ends the issue title and heads the body. */
export function findingHeadline(finding: GovernanceFinding): string {
  switch (finding.kind) {
    case "rotation":
      return ROTATION[finding.state];
    case "least-privilege":
      return `least privilege: ${finding.violations.map(leastPrivilege).join(", ")}`;
    case "accountability":
      return `missing its ${joinWith(finding.missing, "and")}`;
  }
}

/** "a", "a and b", "a, b and c". */
export function joinWith(items: readonly string[], word: "and" | "or"): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${word} ${items.at(-1)}`;
}
