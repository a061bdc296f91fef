import { appJson } from "./shapes-common.js";
import { pullRefJson } from "./shapes-pulls.js";
import type { StandInState } from "./stand-in-state.js";
import type { CheckRunRecord } from "./stand-in-types.js";

export function checkRunJson(state: StandInState, run: CheckRunRecord): Record<string, unknown> {
  const api = `${state.apiUrl}/repos/${run.repo.fullName}`;
  // GitHub lists open same-repository PRs whose head is this commit.
  const pulls = [...run.repo.issues.values()].filter(
    (i) => i.pull && i.state === "open" && i.pull.headRepo === run.repo && i.pull.headSha === run.headSha,
  );
  return {
    id: run.id,
    head_sha: run.headSha,
    node_id: Buffer.from(`CheckRun${run.id}`).toString("base64"),
    external_id: run.externalId ?? "",
    url: `${api}/check-runs/${run.id}`,
    html_url: `${state.url}/${run.repo.fullName}/runs/${run.id}`,
    details_url: run.detailsUrl ?? `${state.url}/${run.repo.fullName}/runs/${run.id}`,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.annotations.length,
      annotations_url: `${api}/check-runs/${run.id}/annotations`,
    },
    name: run.name,
    check_suite: { id: run.checkSuiteId },
    app: appJson(state),
    pull_requests: pulls.map((i) => pullRefJson(state, run.repo, i)),
  };
}
