import type { AccountabilityField, AccountabilityFinding } from "../policy/types.js";
import { findingHeadline, joinWith } from "./finding-headline.js";
import type { IssueContent } from "./issue-content.js";

const FIELD: Record<AccountabilityField, { name: string; step: string }> = {
  purpose: {
    name: "purpose",
    step: "- [ ] Record the key's **purpose** in Moltbook: what calls Moltbook with it, and why.",
  },
  project: {
    name: "project",
    step: "- [ ] Record its **project** in Moltbook as `owner/repo`: the repository whose code uses it.",
  },
  owner: {
    name: "owner",
    step: "- [ ] Record a **responsible person** in Moltbook, with their GitHub login so issues can be assigned to them.",
  },
};

export function describeAccountability(finding: AccountabilityFinding): IssueContent {
  const names = finding.missing.map((f) => FIELD[f].name);
  return {
    headline: findingHeadline(finding),
    policy: [
      `This key records no ${joinWith(names, "or")}.`,
      "",
      "**Policy:** every key records its purpose, its project and a responsible person.",
      "**Why:** without them nobody can tell whether the key is still needed, whom to ask before revoking it, or where its issues belong.",
    ].join("\n"),
    steps: finding.missing.map((f) => FIELD[f].step).join("\n"),
  };
}
