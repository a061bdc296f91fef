import { appJson } from "../shapes-common.js";
import { checkRunJson } from "../shapes-checks.js";
import type { StandInState } from "../stand-in-state.js";
import { payloadEnvelope } from "./payload-common.js";

/** A `check_run` webhook payload (default action `rerequested`: someone clicked "Re-run"). */
export function checkRunPayload(
  state: StandInState,
  checkRunId: number,
  options: { action?: string; sender?: string; requestedAction?: string } = {},
): Record<string, unknown> {
  const run = state.checkRuns.get(checkRunId);
  if (!run)
    throw new Error(`No check run ${checkRunId} in the stand-in. To resolve, let the app create it first.`);
  const json = checkRunJson(state, run);
  const pull = [...run.repo.issues.values()].find(
    (i) => i.pull?.headSha === run.headSha && i.state === "open",
  );
  const headBranch = pull?.pull?.headRef ?? run.repo.defaultBranch;
  const payload: Record<string, unknown> = {
    action: options.action ?? "rerequested",
    check_run: {
      ...json,
      check_suite: {
        id: run.checkSuiteId,
        head_branch: headBranch,
        head_sha: run.headSha,
        status: run.status,
        conclusion: run.conclusion,
        url: `${state.apiUrl}/repos/${run.repo.fullName}/check-suites/${run.checkSuiteId}`,
        before: null,
        after: run.headSha,
        pull_requests: json.pull_requests,
        app: appJson(state),
        created_at: run.startedAt,
        updated_at: run.completedAt ?? run.startedAt,
      },
    },
  };
  if (options.requestedAction) payload.requested_action = { identifier: options.requestedAction };
  return { ...payload, ...payloadEnvelope(state, run.repo, options.sender ?? run.repo.owner.login) };
}
