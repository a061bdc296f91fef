import { inlineCode, link } from "../../report/markdown.js";
import { DEFAULT_DOCS_URL, type RenderContext } from "./model.js";

/** The false-positive command and the docs, shared by the PR comment and the incident issue. */
export function renderFooter(context: RenderContext, what: "comment" | "issue"): string {
  return (
    "<sub>Not a real key? Someone with write access can reply " +
    `${inlineCode("/moltbook-guard ignore <reason>")}. This ${what} is kept up to date as the key is revoked and removed. ` +
    `${link("Configuration", context.docsUrl ?? DEFAULT_DOCS_URL)}.</sub>`
  );
}
