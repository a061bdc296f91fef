import type { IncidentLocation, RenderContext } from "./model.js";

/** Prose sources label themselves "(commit message)", "(pull request title)": no file, no line link. */
export function isProsePath(path: string): boolean {
  return path.startsWith("(") && path.endsWith(")");
}

/**
 * A permalink to the line: at the commit that carried the key when known (it may be gone from the
 * head), else at the head. Undefined for prose, which has no file to link to.
 */
export function locationUrl(location: IncidentLocation, context: RenderContext): string | undefined {
  if (location.url !== undefined) return location.url;
  if (isProsePath(location.path)) return undefined;
  const base = context.htmlBaseUrl.replace(/\/+$/, "");
  const path = location.path.split("/").map(encodeURIComponent).join("/");
  const ref = location.commit ?? context.headSha;
  return `${base}/${context.repoFullName}/blob/${ref}/${path}#L${location.line}`;
}

/** `https://github.com/owner/repo/commit/abc…`. */
export function commitUrl(commit: string, context: RenderContext): string {
  return `${context.htmlBaseUrl.replace(/\/+$/, "")}/${context.repoFullName}/commit/${commit}`;
}
