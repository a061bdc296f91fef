import type { Octokit, RepoRef } from "../sources/github/octokit.js";
import { contentHash, type Store } from "../store/index.js";
import { hasMarker, renderPrComment, type IncidentView, type RenderContext } from "./render/index.js";
import { upsertOwnedObject } from "./upsert-owned-object.js";

/**
 * ONE comment per pull request, edited in place through the key's life. The store remembers it;
 * if the store was lost, the hidden marker finds it again.
 */
export async function publishPrComment(
  octokit: Octokit,
  store: Store,
  holder: string,
  target: { installationId: number; repo: RepoRef; fullName: string; prNumber: number },
  views: IncidentView[],
  context: RenderContext,
): Promise<void> {
  const ref = {
    installationId: target.installationId,
    repo: target.fullName,
    kind: "pr_comment" as const,
    key: `pr:${target.prNumber}`,
  };
  // A clean PR gets no comment; one that had a comment keeps it up to date.
  if (views.length === 0 && !(await store.getOwnedObject(ref))) return;
  const body = renderPrComment(views, context);
  await upsertOwnedObject(store, ref, holder, {
    hash: contentHash(body),
    find: async () => {
      const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        ...target.repo,
        issue_number: target.prNumber,
        per_page: 100,
      });
      const mine = comments.find((c) => hasMarker(c.body));
      return mine ? { githubId: mine.id } : null;
    },
    create: async () => {
      const { data } = await octokit.rest.issues.createComment({
        ...target.repo,
        issue_number: target.prNumber,
        body,
      });
      return { githubId: data.id };
    },
    update: async ({ githubId }) => {
      await octokit.rest.issues.updateComment({ ...target.repo, comment_id: githubId, body });
    },
  });
}
