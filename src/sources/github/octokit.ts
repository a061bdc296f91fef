import type { ProbotOctokit } from "probot";

/** The installation-authenticated client Probot hands us. */
export type Octokit = ProbotOctokit;

export interface RepoRef {
  owner: string;
  repo: string;
}

export function splitFullName(fullName: string): RepoRef {
  const slash = fullName.indexOf("/");
  return { owner: fullName.slice(0, slash), repo: fullName.slice(slash + 1) };
}
