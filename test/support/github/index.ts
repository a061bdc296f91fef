// The GitHub stand-in for integration tests, the demo and benchmarks. No vitest in here: it also
// runs under plain tsx.
//
//   const gh = await startGitHubStandIn();
//   const repo = await gh.createRepo("acme/api");            // bare repo + work tree, README on main
//   await repo.write("src/app.ts", text);
//   await repo.commit("add app", { author: "alice" });
//   const push = await repo.push();                           // { ref, before, after, created, forced }
//   // app: run(app, { env: { GHE_HOST: gh.host, GHE_PROTOCOL: "http", WEBHOOK_SECRET, ... } })
//   await deliver(appUrl, { event: "push", payload: await gh.pushPayload(repo, { ...push, pusher: "alice" }), secret });
//   gh.checkRuns(repo); gh.issues(repo); gh.calls; gh.textWritten();
//   await gh.stop();
export { startGitHubStandIn, type GitHubStandInOptions } from "./start-github-stand-in.js";
export { GitHubStandIn } from "./github-stand-in.js";
export { deliver, deliverWithResponse, type DeliverOptions, type DeliveryResult } from "./deliver.js";
export { RepoHandle, type CommitAuthor, type PushResult } from "./repo-handle.js";
export type { CreateRepoOptions } from "./create-repo.js";
export type { OpenPullRequestOptions, UpdatePullRequestOptions } from "./pull-requests.js";
export type { PushPayloadOptions } from "./payloads/push-payload.js";
export type { PullRequestPayloadOptions } from "./payloads/pull-request-payload.js";
export type { IssueCommentPayloadOptions } from "./payloads/issue-comment-payload.js";
export type { IssuesPayloadOptions } from "./payloads/issues-payload.js";
export { ZERO_SHA } from "./git-objects.js";
export type {
  FaultHandle,
  FaultOptions,
  PermissionLevel,
  RecordedCall,
  Visibility,
} from "./stand-in-types.js";
