import { Octokit } from "@octokit/rest";
import type { GitHubStandIn } from "../../support/github/index.js";

export const silentLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** A plain @octokit/rest client (no retries, no throttling) acting as the app's installation. */
export function restClient(standIn: GitHubStandIn, installationId = 1): Octokit {
  return new Octokit({
    baseUrl: standIn.apiUrl,
    auth: standIn.installationToken(installationId),
    log: silentLog,
  });
}

/** A client acting as a person. */
export function userClient(standIn: GitHubStandIn, login: string): Octokit {
  return new Octokit({ baseUrl: standIn.apiUrl, auth: standIn.userToken(login), log: silentLog });
}
