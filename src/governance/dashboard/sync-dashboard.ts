import { upsertOwnedObject } from "../../act/upsert-owned-object.js";
import { splitFullName, type Octokit } from "../../sources/github/octokit.js";
import type { OwnedObjectRef, Store } from "../../store/index.js";
import { dashboardContentHash, dashboardNeedsUpdate } from "../render/dashboard-needs-update.js";
import type { RenderedIssue } from "../render/rendered-issue.js";
import type { FoundIssue, OwnIssueFinder } from "../sweep/own-issue-finder.js";

function dashboardRef(installationId: number, repo: string): OwnedObjectRef {
  return { installationId, repo, kind: "dashboard", key: "dashboard" };
}

/**
 * Creates the installation's dashboard once, then rewrites it only when something but its
 * last-sweep line changed, or that line is a day old (`dashboardNeedsUpdate`), so an unchanged
 * sweep writes nothing. Ticked boxes count as a change: the rewrite unticks them.
 */
export async function syncDashboard(
  octokit: Octokit,
  store: Store,
  holder: string,
  target: { installationId: number; repo: string },
  rendered: RenderedIssue,
  finder: OwnIssueFinder,
): Promise<"created" | "updated" | "unchanged"> {
  const ref = dashboardRef(target.installationId, target.repo);
  const repo = splitFullName(target.repo);
  // Labels are set when the dashboard is created; later writes leave them (and any people add) alone.
  const fields = { title: rendered.title, body: rendered.body };
  const hash = dashboardContentHash(rendered);
  const known = await store.getOwnedObject(ref);
  if (known && known.state !== "creating" && known.number !== null) {
    let current: string | null;
    try {
      current = (await octokit.rest.issues.get({ ...repo, issue_number: known.number })).data.body ?? null;
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
      current = null;
    }
    if (current !== null) {
      if (!dashboardNeedsUpdate(current, rendered.body)) return "unchanged";
      await octokit.rest.issues.update({ ...repo, issue_number: known.number, ...fields });
      await store.recordOwnedObject(ref, {
        githubId: known.githubId!,
        number: known.number,
        contentHash: null,
      });
      return "updated";
    }
    // Deleted on GitHub: file a new one (the sweep's lease keeps this to one instance).
    const { data } = await octokit.rest.issues.create({ ...repo, ...fields, labels: rendered.labels });
    await store.recordOwnedObject(ref, { githubId: data.id, number: data.number, contentHash: null });
    return "created";
  }
  const seen: { issue: FoundIssue | null } = { issue: null };
  const { outcome } = await upsertOwnedObject(store, ref, holder, {
    hash,
    find: async () => {
      const found = (seen.issue = await finder.findDashboard(target.repo));
      return found ? { githubId: found.githubId, number: found.number } : null;
    },
    create: async () => {
      const { data } = await octokit.rest.issues.create({ ...repo, ...fields, labels: rendered.labels });
      return { githubId: data.id, number: data.number };
    },
    update: async ({ number }) => {
      // Found again after the store was lost: rewrite it only if it is out of date.
      const found = seen.issue;
      if (found && found.number === number && !dashboardNeedsUpdate(found.body, rendered.body)) return;
      await octokit.rest.issues.update({ ...repo, issue_number: number!, ...fields });
    },
  });
  return outcome;
}
