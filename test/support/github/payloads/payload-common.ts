import { installationRef, repoJson, userId, userJson } from "../shapes-common.js";
import type { StandInState } from "../stand-in-state.js";
import type { RepoRecord } from "../stand-in-types.js";

/** `repository` as webhooks carry it: the REST shape plus the legacy push-only fields. */
export function webhookRepoJson(
  state: StandInState,
  repo: RepoRecord,
  forPush = false,
): Record<string, unknown> {
  const json = repoJson(state, repo);
  if (!forPush) return json;
  // Push payloads, unlike every other event, give times as Unix seconds and the owner with name/email.
  const seconds = Math.floor(Date.parse(repo.createdAt) / 1000);
  return {
    ...json,
    owner: { ...(json.owner as object), name: repo.owner.login, email: null },
    created_at: seconds,
    pushed_at: Math.floor(Date.now() / 1000),
    master_branch: repo.defaultBranch,
    stargazers: 0,
  };
}

/** The fields every webhook of a repository carries: repository, sender, organization, installation. */
export function payloadEnvelope(
  state: StandInState,
  repo: RepoRecord,
  sender: string,
  forPush = false,
): Record<string, unknown> {
  const envelope: Record<string, unknown> = {
    repository: webhookRepoJson(state, repo, forPush),
    sender: userJson(state, senderActor(state, sender)),
  };
  if (repo.owner.type === "Organization") {
    const id = userId(repo.owner.login);
    envelope.organization = {
      login: repo.owner.login,
      id,
      node_id: Buffer.from(`Organization${id}`).toString("base64"),
      url: `${state.apiUrl}/orgs/${repo.owner.login}`,
      description: null,
    };
  }
  const installation = installationRef(repo);
  if (installation) envelope.installation = installation;
  return envelope;
}

export function senderActor(state: StandInState, login: string) {
  return login === state.botActor.login ? state.botActor : { login, type: "User" as const };
}
