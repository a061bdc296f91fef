import { ProbotOctokit } from "probot";

type Options = { throttle?: Record<string, unknown> } & Record<string, unknown>;

/**
 * Probot's Octokit with @octokit/plugin-throttling off. The function form of `defaults` is needed:
 * the object form is merged under Probot's own defaults and leaves throttling on. Probot copies
 * `enabled: false` into every installation client it makes.
 */
export const UnthrottledOctokit = ProbotOctokit.defaults((options: Options) => ({
  ...options,
  throttle: { ...options.throttle, enabled: false },
})) as typeof ProbotOctokit;
