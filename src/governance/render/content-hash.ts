import { createHash } from "node:crypto";

export interface RenderedIssue {
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
}

/**
 * `sha256:` of what the app writes to an issue (title, body, labels in any order). Store it with the
 * issue; a sweep writes only when the hash differs. Assignees are left out: GitHub may refuse one,
 * and a refused assignee must not cause a rewrite every sweep. To rebuild a hash from GitHub after
 * the store is lost, pass the issue's title, body and only the labels the app manages.
 */
export function contentHash(rendered: Pick<RenderedIssue, "title" | "body" | "labels"> | string): string {
  const text =
    typeof rendered === "string"
      ? rendered
      : JSON.stringify([rendered.title, rendered.body.replace(/\r\n/g, "\n"), [...rendered.labels].sort()]);
  return `sha256:${createHash("sha256").update(text, "utf8").digest("hex")}`;
}
