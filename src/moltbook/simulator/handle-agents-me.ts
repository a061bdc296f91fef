import type { Reply, SimContext } from "./sim-context.js";

/** `GET /agents/me`: 200 with the agent for a live key (of this organisation or another), 401 otherwise. */
export function handleAgentsMe(ctx: SimContext): Reply {
  const rejected: Reply = {
    status: 401,
    body: { success: false, error: "Invalid, revoked or expired API key" },
  };
  if (ctx.bearerFingerprint === null) return rejected;
  const own = ctx.state.byFingerprint(ctx.bearerFingerprint);
  if (own) {
    if (ctx.state.status(own) !== "active") return rejected;
    ctx.caller = own;
    return { status: 200, body: { success: true, agent: { ...own.agent } } };
  }
  const foreign = ctx.state.foreign.get(ctx.bearerFingerprint);
  if (foreign && foreign.revoked_at === null)
    return { status: 200, body: { success: true, agent: { ...foreign.agent } } };
  return rejected;
}
