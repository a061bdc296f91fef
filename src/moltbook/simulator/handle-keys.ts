import { authorize } from "./authorize.js";
import { compareSortKeys, decodeCursor, encodeCursor } from "./cursor.js";
import { errorReply, invalid, type Reply, type SimContext } from "./sim-context.js";
import { intParam, isReply } from "./validate-request.js";

const STATUSES = ["active", "revoked", "expired", "all"];

/** `GET /keys`: the inventory ordered by created_at then id, filtered by status, paged by cursor. */
export function handleListKeys(ctx: SimContext): Reply {
  const auth = authorize(ctx, "keys:read");
  if (isReply(auth)) return auth;
  const limit = intParam(ctx.url, "limit", 1, 100, 50);
  if (isReply(limit)) return limit;
  const status = ctx.url.searchParams.get("status") ?? "all";
  if (!STATUSES.includes(status)) return invalid(`status must be one of ${STATUSES.join(", ")}.`);
  const cursorText = ctx.url.searchParams.get("cursor");
  const after = cursorText === null ? null : decodeCursor(cursorText);
  if (cursorText !== null && after === null) return invalid("cursor is not one this API gave out.");
  const matching = ctx.state.keys.filter(
    (k) =>
      (status === "all" || ctx.state.status(k) === status) &&
      (after === null || compareSortKeys([k.created_at, k.id], after) > 0),
  );
  const page = matching.slice(0, limit);
  const last = page[page.length - 1];
  return {
    status: 200,
    body: {
      keys: page.map((k) => ctx.state.record(k)),
      next_cursor: matching.length > limit ? encodeCursor([last.created_at, last.id]) : null,
    },
  };
}

/** `GET /keys/{id}`: one record, or 404. */
export function handleGetKey(ctx: SimContext): Reply {
  const auth = authorize(ctx, "keys:read");
  if (isReply(auth)) return auth;
  const key = ctx.state.byId(ctx.params.id);
  if (!key) return errorReply(404, "not_found", "No key with this id in this organisation.");
  return { status: 200, body: ctx.state.record(key) };
}
