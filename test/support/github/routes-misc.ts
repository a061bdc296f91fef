import { HttpError } from "./http-reply.js";
import type { Router } from "./router.js";

/** Endpoints an installation token cannot rely on. */
export function registerMiscRoutes(router: Router): void {
  // Search has its own, much lower rate limit and does not see private repositories reliably from
  // an installation, so the stand-in refuses it: code that leans on search shows up in tests.
  const refuse = () => {
    throw new HttpError(403, "Resource not accessible by integration");
  };
  router.add("GET", "/search/*kind", refuse);
}
