import type { GovernanceFinding, GovernanceLabels, Severity } from "../policy/types.js";

/**
 * The app's label, the kind's label, the kind's extra labels from the config and one
 * `severity:<level>` label, in that order, without duplicates or blanks.
 */
export function issueLabels(finding: GovernanceFinding, labels: GovernanceLabels): string[] {
  const extra = labels.extra?.[EXTRA[finding.kind]] ?? [];
  return unique([labels.app, kindLabel(finding, labels), ...extra, severityLabel(finding.severity)]);
}

/** The dashboard's labels: the app's label and the config's dashboard labels. */
export function dashboardLabels(labels: GovernanceLabels): string[] {
  return unique([labels.app, ...(labels.extra?.dashboard ?? [])]);
}

const EXTRA = {
  rotation: "rotation",
  "least-privilege": "leastPrivilege",
  accountability: "accountability",
} as const;

function unique(names: readonly string[]): string[] {
  return [...new Set(names.map((n) => n.trim()).filter(Boolean))];
}

export function severityLabel(severity: Severity): string {
  return `severity:${severity}`;
}

function kindLabel(finding: GovernanceFinding, labels: GovernanceLabels): string {
  switch (finding.kind) {
    case "rotation":
      // An expired key is the most overdue there is; the title and severity say which it is.
      return finding.state === "due_soon" ? labels.rotationDueSoon : labels.rotationOverdue;
    case "least-privilege":
      return labels.leastPrivilege;
    case "accountability":
      return labels.accountability;
  }
}

/** True for labels the app sets and may remove; labels people add are left alone. */
export function isManagedLabel(name: string, labels: GovernanceLabels): boolean {
  const { extra, ...own } = labels;
  const all = [...Object.values(own), ...Object.values(extra ?? {}).flat()];
  return name.startsWith("severity:") || all.includes(name);
}
