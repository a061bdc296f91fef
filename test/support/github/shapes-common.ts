import { createHash } from "node:crypto";
import type { StandInState } from "./stand-in-state.js";
import type { Actor, InstallationRecord, PermissionLevel, RepoRecord } from "./stand-in-types.js";

// JSON in GitHub's shapes, with the fields an app reads under their real names and types. URLs
// point at the stand-in: html at its root, as on GitHub Enterprise Server, API under /api/v3.

/** A stable numeric id for a login, so the same user has the same id in every payload. */
export function userId(login: string): number {
  return 10_000 + (createHash("sha256").update(login.toLowerCase()).digest().readUInt32BE(0) % 90_000_000);
}

function nodeId(kind: string, id: number): string {
  return Buffer.from(`0${kind}${id}`).toString("base64");
}

export function userJson(state: StandInState, actor: Actor): Record<string, unknown> {
  const id = userId(actor.login);
  const path = actor.type === "Bot" ? `apps/${actor.login.replace(/\[bot\]$/, "")}` : actor.login;
  return {
    login: actor.login,
    id,
    node_id: nodeId("User", id),
    avatar_url: `${state.url}/avatars/u/${id}`,
    gravatar_id: "",
    url: `${state.apiUrl}/users/${encodeURIComponent(actor.login)}`,
    html_url: `${state.url}/${path}`,
    type: actor.type,
    site_admin: false,
  };
}

export function repoJson(state: StandInState, repo: RepoRecord): Record<string, unknown> {
  const api = `${state.apiUrl}/repos/${repo.fullName}`;
  const openIssues = [...repo.issues.values()].filter((i) => i.state === "open").length;
  return {
    id: repo.id,
    node_id: nodeId("Repository", repo.id),
    name: repo.name,
    full_name: repo.fullName,
    private: repo.private,
    visibility: repo.visibility,
    owner: userJson(state, repo.owner),
    html_url: `${state.url}/${repo.fullName}`,
    description: null,
    fork: repo.forkOf !== null,
    url: api,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    clone_url: `${state.url}/${repo.fullName}.git`,
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    pushed_at: repo.createdAt,
    default_branch: repo.defaultBranch,
    archived: false,
    disabled: false,
    is_template: false,
    has_issues: true,
    open_issues_count: openIssues,
    open_issues: openIssues,
    topics: [],
  };
}

export function repoSummaryJson(state: StandInState, repo: RepoRecord): Record<string, unknown> {
  return {
    id: repo.id,
    node_id: nodeId("Repository", repo.id),
    name: repo.name,
    full_name: repo.fullName,
    private: repo.private,
  };
}

export const APP_PERMISSIONS = {
  checks: "write",
  contents: "read",
  issues: "write",
  metadata: "read",
  pull_requests: "write",
  members: "read",
};

export const APP_EVENTS = ["check_run", "issue_comment", "issues", "pull_request", "push", "installation"];

export function appJson(state: StandInState): Record<string, unknown> {
  const { appId, appSlug, appName } = state.config;
  return {
    id: appId,
    slug: appSlug,
    node_id: nodeId("Integration", appId),
    owner: userJson(state, { login: "moltbook-guard-dev", type: "Organization" }),
    name: appName,
    description: null,
    external_url: state.url,
    html_url: `${state.url}/apps/${appSlug}`,
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
    permissions: APP_PERMISSIONS,
    events: APP_EVENTS,
  };
}

export function installationJson(
  state: StandInState,
  installation: InstallationRecord,
): Record<string, unknown> {
  return {
    id: installation.id,
    node_id: nodeId("Installation", installation.id),
    account: userJson(state, installation.account),
    repository_selection: "selected",
    access_tokens_url: `${state.apiUrl}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${state.apiUrl}/installation/repositories`,
    html_url: `${state.url}/organizations/${installation.account.login}/settings/installations/${installation.id}`,
    app_id: state.config.appId,
    app_slug: state.config.appSlug,
    target_id: userId(installation.account.login),
    target_type: installation.account.type,
    permissions: APP_PERMISSIONS,
    events: APP_EVENTS,
    created_at: installation.createdAt,
    updated_at: installation.createdAt,
    single_file_name: null,
    suspended_at: null,
    suspended_by: null,
  };
}

/** `installation` as webhooks carry it. */
export function installationRef(repo: RepoRecord): Record<string, unknown> | undefined {
  if (repo.installationId === null) return undefined;
  return { id: repo.installationId, node_id: nodeId("Installation", repo.installationId) };
}

/** A user's effective permission on a repository, from the table the test set. */
export function permissionOf(repo: RepoRecord, login: string): PermissionLevel {
  if (login.toLowerCase() === repo.owner.login.toLowerCase()) return "admin";
  return repo.permissions.get(login.toLowerCase()) ?? (repo.private ? "none" : "read");
}

export function authorAssociation(repo: RepoRecord, actor: Actor): string {
  if (actor.type === "Bot") return "NONE";
  if (actor.login.toLowerCase() === repo.owner.login.toLowerCase()) return "OWNER";
  const level = repo.permissions.get(actor.login.toLowerCase());
  return level && level !== "none" ? "COLLABORATOR" : "NONE";
}
