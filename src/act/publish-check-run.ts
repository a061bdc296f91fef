import type { Octokit, RepoRef } from "../sources/github/octokit.js";
import { contentHash, type Store } from "../store/index.js";
import {
  chunkAnnotations,
  renderCheckRun,
  type CheckRunOptions,
  type IncidentView,
  type RenderContext,
} from "./render/index.js";
import { upsertOwnedObject } from "./upsert-owned-object.js";

/** The "Moltbook Guard" check run on the head commit, created once and then edited in place. */
export async function publishCheckRun(
  octokit: Octokit,
  store: Store,
  holder: string,
  target: { installationId: number; repo: RepoRef; fullName: string },
  views: IncidentView[],
  context: RenderContext,
  options: CheckRunOptions,
): Promise<void> {
  const rendered = renderCheckRun(views, context, options);
  const [first = [], ...rest] = chunkAnnotations(rendered.output.annotations);
  const withAnnotations = (annotations: typeof first) => ({
    ...target.repo,
    name: rendered.name,
    status: rendered.status,
    conclusion: rendered.conclusion,
    completed_at: rendered.completed_at,
    output: { ...rendered.output, annotations },
  });
  const appendRest = async (id: number) => {
    for (const annotations of rest) {
      await octokit.rest.checks.update({ ...withAnnotations(annotations), check_run_id: id });
    }
  };
  // completed_at changes every time; the content that matters is the output and conclusion.
  const hash = contentHash(JSON.stringify({ c: rendered.conclusion, o: rendered.output }));
  await upsertOwnedObject(
    store,
    { installationId: target.installationId, repo: target.fullName, kind: "check_run", key: context.headSha },
    holder,
    {
      hash,
      create: async () => {
        const { data } = await octokit.rest.checks.create({
          ...withAnnotations(first),
          head_sha: context.headSha,
        });
        await appendRest(data.id);
        return { githubId: data.id };
      },
      // Annotations are appended on every update, and the head (hence the lines) has not changed:
      // they were written with the run, so an update carries the new summary and conclusion only.
      update: async ({ githubId }) => {
        await octokit.rest.checks.update({ ...withAnnotations([]), check_run_id: githubId });
      },
    },
  );
}
