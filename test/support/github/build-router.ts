import { Router } from "./router.js";
import { registerAppRoutes } from "./routes-app.js";
import { registerCheckRoutes } from "./routes-checks.js";
import { registerCommentRoutes } from "./routes-comments.js";
import { registerCommitRoutes } from "./routes-commits.js";
import { registerIssueRoutes } from "./routes-issues.js";
import { registerLabelRoutes } from "./routes-labels.js";
import { registerMiscRoutes } from "./routes-misc.js";
import { registerPullRoutes } from "./routes-pulls.js";
import { registerRepoRoutes } from "./routes-repos.js";
import { registerReviewRoutes } from "./routes-reviews.js";

/** Every endpoint the stand-in serves. Order matters where a `*rest` parameter could swallow a suffix. */
export function buildRouter(): Router {
  const router = new Router();
  registerAppRoutes(router);
  registerRepoRoutes(router);
  registerCheckRoutes(router); // before commits: `/commits/*ref/check-runs` must win over `/commits/*ref`
  registerCommitRoutes(router);
  registerPullRoutes(router);
  registerReviewRoutes(router);
  registerIssueRoutes(router);
  registerLabelRoutes(router);
  registerCommentRoutes(router);
  registerMiscRoutes(router);
  return router;
}
