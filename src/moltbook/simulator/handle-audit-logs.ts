import { authorize } from "./authorize.js";
import { compareSortKeys, decodeCursor, encodeCursor } from "./cursor.js";
import { invalid, type Reply, type SimContext } from "./sim-context.js";
import { intParam, isDateTime, isReply } from "./validate-request.js";

/** `GET /audit-logs`: entries with since ≤ at < until, oldest first, optionally for one key, paged. */
export function handleAuditLogs(ctx: SimContext): Reply {
  const auth = authorize(ctx, "audit:read");
  if (isReply(auth)) return auth;
  const q = ctx.url.searchParams;
  const since = q.get("since");
  if (since === null || !isDateTime(since))
    return invalid("since is required and must be an RFC 3339 date-time.");
  const until = q.get("until");
  if (until !== null && !isDateTime(until)) return invalid("until must be an RFC 3339 date-time.");
  const limit = intParam(ctx.url, "limit", 1, 1000, 500);
  if (isReply(limit)) return limit;
  const cursorText = q.get("cursor");
  const after = cursorText === null ? null : decodeCursor(cursorText);
  if (cursorText !== null && after === null) return invalid("cursor is not one this API gave out.");
  const keyId = q.get("key_id");
  const from = Date.parse(since);
  const to = until === null ? Infinity : Date.parse(until);
  const page = [];
  let more = false;
  for (const e of ctx.state.audit) {
    const at = Date.parse(e.at);
    if (at < from || at >= to || (keyId !== null && e.key_id !== keyId)) continue;
    if (after !== null && compareSortKeys([e.at, e.id], after) <= 0) continue;
    if (page.length === limit) {
      more = true;
      break;
    }
    page.push({ ...e });
  }
  const last = page[page.length - 1];
  return {
    status: 200,
    body: { entries: page, next_cursor: more ? encodeCursor([last.at, last.id]) : null },
  };
}
