import type { Octokit, RepoRef } from "../sources/github/octokit.js";
import { contentHash, type Store } from "../store/index.js";
import {
  parseIncidentMarker,
  renderIncidentIssue,
  type IncidentView,
  type RenderContext,
} from "./render/index.js";
import { upsertOwnedObject } from "./upsert-owned-object.js";

/**
 * One issue per key per repository for keys pushed outside any open pull request. Later sightings
 * re-render the same issue. Deduped through the store and the hidden marker, never the search API.
 */
export async function publishIncidentIssue(
  octokit: Octokit,
  store: Store,
  holder: string,
  target: { installationId: number; repo: RepoRef; fullName: string },
  view: IncidentView,
  context: RenderContext,
  options: { labels: readonly string[]; assignPusher: boolean },
): Promise<void> {
  const rendered = renderIncidentIssue(view, context, options);
  const assignees = await assignable(octokit, target.repo, rendered.assignees);
  await upsertOwnedObject(
    store,
    {
      installationId: target.installationId,
      repo: target.fullName,
      kind: "incident_issue",
      key: view.fingerprint,
    },
    holder,
    {
      hash: contentHash(`${rendered.title}\n${rendered.body}`),
      find: async () => {
        const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
          ...target.repo,
          labels: rendered.labels[0],
          state: "all",
          per_page: 100,
        });
        const mine = issues.find((i) => parseIncidentMarker(i.body) === view.fingerprint);
        return mine ? { githubId: mine.id, number: mine.number } : null;
      },
      create: async () => {
        const { data } = await octokit.rest.issues.create({
          ...target.repo,
          title: rendered.title,
          body: rendered.body,
          labels: rendered.labels,
          assignees,
        });
        return { githubId: data.id, number: data.number };
      },
      update: async ({ number }) => {
        await octokit.rest.issues.update({
          ...target.repo,
          issue_number: number!,
          title: rendered.title,
          body: rendered.body,
        });
      },
    },
  );
}

/** GitHub rejects the whole issue if one assignee cannot be assigned, so check each first. */
async function assignable(octokit: Octokit, repo: RepoRef, logins: string[]): Promise<string[]> {
  const checks = await Promise.all(
    logins.map(async (assignee) => {
      try {
        await octokit.rest.issues.checkUserCanBeAssigned({ ...repo, assignee });
        return assignee;
      } catch {
        return null;
      }
    }),
  );
  return checks.filter((l): l is string => l !== null);
}
