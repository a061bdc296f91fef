import { requireRepo } from "./auth.js";
import { resolveCommit } from "./git-objects.js";
import {
  bodyObject,
  HttpError,
  json,
  notFound,
  paginate,
  validationFailed,
  type RequestContext,
} from "./http-reply.js";
import { actorOf, checkBody, pullOr404 } from "./issues.js";
import { pullDiff } from "./pull-requests.js";
import { locateReviewLine } from "./locate-review-line.js";
import type { Router } from "./router.js";
import { reviewCommentJson, reviewJson } from "./shapes-pulls.js";
import { isoNow } from "./stand-in-state.js";
import type { Actor, IssueRecord, RepoRecord, ReviewCommentRecord, ReviewRecord } from "./stand-in-types.js";

const REVIEW_STATES: Record<string, ReviewRecord["state"]> = {
  COMMENT: "COMMENTED",
  APPROVE: "APPROVED",
  REQUEST_CHANGES: "CHANGES_REQUESTED",
};

type Draft = Omit<ReviewCommentRecord, "id" | "reviewId" | "createdAt" | "user" | "commitId" | "inReplyTo">;

/** Places each comment on the PR's diff; one misplaced comment fails the whole request. */
async function placeComments(
  repo: RepoRecord,
  issue: IssueRecord,
  raw: unknown[],
): Promise<Draft[] | string> {
  const { files } = await pullDiff(repo, issue.number);
  const drafts: Draft[] = [];
  for (const item of raw as Record<string, unknown>[]) {
    const path = String(item?.path ?? "");
    const body = String(item?.body ?? "");
    const file = files.find((f) => f.filename === path);
    if (!file) return "Pull request review thread path is invalid";
    if (item.subject_type === "file") {
      drafts.push({ path, body, line: null, side: "RIGHT", startLine: null, startSide: null, diffHunk: "" });
      continue;
    }
    const side = item.side === "LEFT" ? "LEFT" : "RIGHT";
    const line = Number(item.line);
    const located =
      file.patch !== undefined && Number.isInteger(line) ? locateReviewLine(file.patch, line, side) : null;
    if (!located) return "Pull request review thread line must be part of the diff";
    let startLine: number | null = null;
    if (item.start_line !== undefined && item.start_line !== null) {
      startLine = Number(item.start_line);
      const startSide = item.start_side === "LEFT" ? "LEFT" : side;
      const start = locateReviewLine(file.patch!, startLine, startSide);
      if (!start || start.hunk !== located.hunk || startLine > line) {
        return "Pull request review thread start line must be part of the same hunk as the line.";
      }
    }
    drafts.push({
      path,
      body,
      line,
      side,
      startLine,
      startSide: startLine === null ? null : side,
      diffHunk: located.diffHunk,
    });
  }
  return drafts;
}

function record(
  ctx: RequestContext,
  issue: IssueRecord,
  review: ReviewRecord,
  drafts: Draft[],
  user: Actor,
): void {
  for (const d of drafts) {
    const comment: ReviewCommentRecord = {
      ...d,
      id: ctx.state.nextId(),
      reviewId: review.id,
      commitId: review.commitId,
      user,
      createdAt: isoNow(),
      inReplyTo: null,
    };
    review.comments.push(comment);
    issue.pull!.reviewComments.push(comment);
  }
  issue.pull!.reviews.push(review);
}

/** Reviews with inline comments, and single review comments. */
export function registerReviewRoutes(router: Router): void {
  router.add("POST", "/repos/:owner/:repo/pulls/:number/reviews", async (ctx) => {
    const repo = requireRepo(ctx, "write");
    const issue = pullOr404(ctx, repo);
    const body = bodyObject(ctx);
    checkBody("PullRequestReview", body.body);
    const event = typeof body.event === "string" ? body.event : undefined;
    const state = event === undefined ? "PENDING" : REVIEW_STATES[event];
    if (!state) throw validationFailed([{ resource: "PullRequestReview", code: "invalid", field: "event" }]);
    const comments = Array.isArray(body.comments) ? body.comments : [];
    const text = typeof body.body === "string" ? body.body : "";
    if (state !== "PENDING" && state !== "APPROVED" && !text && comments.length === 0) {
      throw new HttpError(422, "Unprocessable Entity", {
        errors: [`Review Can not ${event === "COMMENT" ? "comment" : "request changes"} without a body`],
      });
    }
    const drafts = await placeComments(repo, issue, comments);
    if (typeof drafts === "string") throw new HttpError(422, "Unprocessable Entity", { errors: [drafts] });
    const commitId =
      typeof body.commit_id === "string"
        ? await resolveCommit(repo.bareDir, body.commit_id)
        : issue.pull!.headSha;
    if (!commitId)
      throw new HttpError(422, "Unprocessable Entity", { errors: ["Commit could not be resolved"] });
    const user = actorOf(ctx.identity);
    const review: ReviewRecord = {
      id: ctx.state.nextId(),
      user,
      body: text,
      state,
      commitId,
      submittedAt: state === "PENDING" ? null : isoNow(),
      comments: [],
    };
    record(ctx, issue, review, drafts, user);
    return json(200, reviewJson(ctx.state, repo, issue.number, review));
  });

  router.add("GET", "/repos/:owner/:repo/pulls/:number/reviews", (ctx) => {
    const repo = requireRepo(ctx);
    const issue = pullOr404(ctx, repo);
    const page = paginate(ctx, issue.pull!.reviews);
    return json(
      200,
      page.items.map((r) => reviewJson(ctx.state, repo, issue.number, r)),
      page.headers,
    );
  });

  router.add("GET", "/repos/:owner/:repo/pulls/:number/comments", (ctx) => {
    const repo = requireRepo(ctx);
    const issue = pullOr404(ctx, repo);
    const page = paginate(ctx, issue.pull!.reviewComments);
    return json(
      200,
      page.items.map((c) => reviewCommentJson(ctx.state, repo, issue.number, c)),
      page.headers,
    );
  });

  router.add("POST", "/repos/:owner/:repo/pulls/:number/comments", async (ctx) => {
    const repo = requireRepo(ctx, "write");
    const issue = pullOr404(ctx, repo);
    const body = bodyObject(ctx);
    checkBody("PullRequestReviewComment", body.body);
    if (typeof body.body !== "string" || body.body === "") {
      throw validationFailed([
        { resource: "PullRequestReviewComment", code: "missing_field", field: "body" },
      ]);
    }
    const user = actorOf(ctx.identity);
    if (body.in_reply_to !== undefined) {
      const parent = issue.pull!.reviewComments.find((c) => c.id === Number(body.in_reply_to));
      if (!parent) throw notFound();
      const review: ReviewRecord = {
        id: ctx.state.nextId(),
        user,
        body: "",
        state: "COMMENTED",
        commitId: parent.commitId,
        submittedAt: isoNow(),
        comments: [],
      };
      record(ctx, issue, review, [{ ...parent, body: body.body }], user);
      review.comments[0].inReplyTo = parent.id;
      return json(201, reviewCommentJson(ctx.state, repo, issue.number, review.comments[0]));
    }
    const drafts = await placeComments(repo, issue, [body]);
    if (typeof drafts === "string") {
      throw validationFailed([
        {
          resource: "PullRequestReviewComment",
          code: "custom",
          field: "pull_request_review_thread.line",
          message: drafts,
        },
      ]);
    }
    const commitId =
      typeof body.commit_id === "string" ? await resolveCommit(repo.bareDir, body.commit_id) : null;
    if (!commitId)
      throw validationFailed([
        { resource: "PullRequestReviewComment", code: "missing_field", field: "commit_id" },
      ]);
    const review: ReviewRecord = {
      id: ctx.state.nextId(),
      user,
      body: "",
      state: "COMMENTED",
      commitId,
      submittedAt: isoNow(),
      comments: [],
    };
    record(ctx, issue, review, drafts, user);
    return json(201, reviewCommentJson(ctx.state, repo, issue.number, review.comments[0]));
  });
}
