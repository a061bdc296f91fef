import { COMMIT_MESSAGE_PATH, type Finding } from "../detect/index.js";
import type { SightingSource } from "../store/index.js";

/** Where a finding can be seen on GitHub, and what kind of place that is. */
export function locateFinding(
  finding: Finding,
  htmlUrl: string,
  prNumber?: number,
): { url: string; source: SightingSource } {
  if (finding.path === COMMIT_MESSAGE_PATH && finding.commit) {
    return { url: `${htmlUrl}/commit/${finding.commit}`, source: "commit_message" };
  }
  if (finding.path === "(pull request title)" || finding.path === "(pull request body)") {
    return {
      url: `${htmlUrl}/pull/${prNumber}`,
      source: finding.path.includes("title") ? "pr_title" : "pr_body",
    };
  }
  const ref = finding.commit ?? "HEAD";
  const path = finding.path.split("/").map(encodeURIComponent).join("/");
  return {
    url: `${htmlUrl}/blob/${ref}/${path}#L${finding.line}`,
    source: prNumber ? "pull_request" : "push",
  };
}

/** The evidence Moltbook records with a revocation: the PR, else the first commit. */
export function evidenceUrlFor(
  htmlUrl: string,
  target: { prNumber?: number; commit?: string },
): string | undefined {
  if (target.prNumber) return `${htmlUrl}/pull/${target.prNumber}`;
  if (target.commit) return `${htmlUrl}/commit/${target.commit}`;
  return undefined;
}
