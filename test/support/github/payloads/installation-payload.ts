import { installationJson, repoSummaryJson, userJson } from "../shapes-common.js";
import type { StandInState } from "../stand-in-state.js";

/** An `installation` webhook payload listing the repositories the installation covers. */
export function installationPayload(
  state: StandInState,
  installationId: number,
  options: { action?: string; sender?: string } = {},
): Record<string, unknown> {
  const installation = state.installations.get(installationId);
  if (!installation) {
    throw new Error(
      `No installation ${installationId} in the stand-in. To resolve, create a repository with that installationId.`,
    );
  }
  const repos = [...state.repos.values()].filter((r) => r.installationId === installationId);
  return {
    action: options.action ?? "created",
    installation: installationJson(state, installation),
    repositories: repos.map((r) => repoSummaryJson(state, r)),
    requester: null,
    sender: userJson(state, { login: options.sender ?? installation.account.login, type: "User" }),
  };
}
