import type { Finding } from "../detect/index.js";
import type { ChangedText } from "../sources/github/changed-text.js";
import type { Octokit, RepoRef } from "../sources/github/octokit.js";
import type { Store } from "../store/index.js";
import { addedLineText } from "./added-line-text.js";
import { renderReviewComment, type IncidentStatus } from "./render/index.js";

/**
 * Review comments with `suggestion` blocks on the exact lines of the PR's head that hold a plain
 * literal key, each posted once (claimed in the store), all new ones in a single review.
 */
export async function publishReviewSuggestions(
  octokit: Octokit,
  store: Store,
  holder: string,
  target: { installationId: number; repo: RepoRef; fullName: string; prNumber: number; headSha: string },
  headFindings: Finding[],
  headTexts: ChangedText[],
  statusOf: (fingerprint: string) => IncidentStatus,
): Promise<number> {
  const patches = new Map(headTexts.filter((t) => t.kind === "patch").map((t) => [t.path, t.text as string]));
  const comments: { path: string; line: number; side: "RIGHT"; body: string }[] = [];
  const claimed: { installationId: number; repo: string; kind: "review"; key: string }[] = [];
  for (const f of headFindings) {
    if (f.encoding !== "plain") continue;
    const patch = patches.get(f.path);
    const lineText = patch === undefined ? null : addedLineText(patch, f.line);
    if (lineText === null) continue;
    const comment = renderReviewComment({
      path: f.path,
      lineText,
      column: f.column,
      kind: f.kind,
      line: f.line,
      redacted: f.redacted,
      status: statusOf(f.fingerprint),
    });
    if (!comment) continue;
    const ref = {
      installationId: target.installationId,
      repo: target.fullName,
      kind: "review" as const,
      key: `${f.fingerprint}:${f.path}:${f.line}`,
    };
    const claim = await store.claimOwnedObject(ref, holder);
    if (!claim.claimed) continue;
    claimed.push(ref);
    comments.push(comment);
  }
  if (comments.length === 0) return 0;
  try {
    const { data } = await octokit.rest.pulls.createReview({
      ...target.repo,
      pull_number: target.prNumber,
      commit_id: target.headSha,
      event: "COMMENT",
      body: "Moltbook Guard suggests reading the leaked key from the environment instead.",
      comments,
    });
    for (const ref of claimed) await store.recordOwnedObject(ref, { githubId: data.id, contentHash: null });
  } catch (error) {
    for (const ref of claimed) await store.releaseOwnedObject(ref, holder).catch(() => undefined);
    throw error;
  }
  return comments.length;
}
