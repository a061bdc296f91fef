// The module itself, not the store's index: rendering needs no database driver.
import { contentHash } from "../../store/content-hash.js";
import type { RenderedIssue } from "./rendered-issue.js";

/**
 * `contentHash` of what the app writes to an issue: title, body and labels in any order. Store it
 * with the issue; a sweep writes only when the hash differs. The body's CRLF become LF because
 * GitHub may hand back a body with line endings other than those written. Assignees are left
 * out: GitHub may refuse one, and a refused assignee must not cause a rewrite every sweep. To
 * rebuild a hash from GitHub after the store is lost, pass the issue's title, body and only the
 * labels the app manages.
 */
export function issueContentHash(issue: Pick<RenderedIssue, "title" | "body" | "labels">): string {
  return contentHash(
    JSON.stringify([issue.title, issue.body.replace(/\r\n/g, "\n"), [...issue.labels].sort()]),
  );
}
