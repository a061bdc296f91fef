import type { GitHubStandIn } from "../../test/support/github/index.js";

/** When the app first made a matching call to GitHub at or after `since` (ms since the epoch), or null. */
export function firstCall(github: GitHubStandIn, method: string, path: RegExp, since: number): number | null {
  return github.callsTo(method, path).find((c) => c.at >= since)?.at ?? null;
}

/** When the app last made a matching call at or after `since`: the write that left the final state. */
export function lastCall(github: GitHubStandIn, method: string, path: RegExp, since: number): number | null {
  const calls = github.callsTo(method, path).filter((c) => c.at >= since);
  return calls.length > 0 ? calls[calls.length - 1].at : null;
}
