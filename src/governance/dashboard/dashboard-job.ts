import type { RepoInfo } from "../../jobs/job-payloads.js";
import { repoInfo, type WebhookRepository } from "../../jobs/jobs-from-webhooks.js";
import { isDashboardBody } from "../render/dashboard-markers.js";
import { parseDashboardChecks, type DashboardAction } from "../render/parse-dashboard-checks.js";

export const DASHBOARD_JOB = "governance_dashboard_actions";

/** Boxes ticked on a dashboard, as a durable job: the actions (key ids, never keys) and who ticked them. */
export interface DashboardJob {
  installationId: number;
  repo: RepoInfo;
  number: number;
  actor: string;
  actions: DashboardAction[];
}

export interface IssuesEditedWebhook {
  issue: { number: number; body?: string | null; user: { type: string } | null };
  changes?: { body?: { from?: string | null } };
  repository: WebhookRepository;
  installation?: { id: number } | null;
  sender: { login: string; type: string };
}

/**
 * The job for an `issues.edited` of the app's dashboard in which boxes were newly ticked, or why
 * there is none (the app's own edits, which untick, come back as edits too).
 */
export function dashboardJobFromEdit(
  payload: IssuesEditedWebhook,
  deliveryId: string,
): { job: { kind: string; dedupeKey: string; payload: DashboardJob } } | { skip: string } {
  if (!payload.installation) return { skip: "no installation" };
  if (payload.sender.type === "Bot") return { skip: "a bot's edit" };
  if (payload.issue.user?.type !== "Bot" || !isDashboardBody(payload.issue.body))
    return { skip: "not the dashboard" };
  const actions = parseDashboardChecks(payload.changes?.body?.from, payload.issue.body);
  if (actions.length === 0) return { skip: "no box newly ticked" };
  const repo = repoInfo(payload.repository);
  return {
    job: {
      kind: DASHBOARD_JOB,
      dedupeKey: `dashboard:${repo.fullName}#${payload.issue.number}:${deliveryId}`,
      payload: {
        installationId: payload.installation.id,
        repo,
        number: payload.issue.number,
        actor: payload.sender.login,
        actions,
      },
    },
  };
}
