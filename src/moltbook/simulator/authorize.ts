import type { SimContext, Reply } from "./sim-context.js";
import { errorReply } from "./sim-context.js";
import type { SimKey } from "./sim-types.js";

/** A management call's key: present, in the inventory, active, holding `scope` (or `*`). Else 401/403. */
export function authorize(ctx: SimContext, scope: string): SimKey | Reply {
  if (ctx.bearerFingerprint === null) {
    return errorReply(
      401,
      "unauthorized",
      "Missing bearer key. Send Authorization: Bearer <governance key>.",
    );
  }
  const key = ctx.state.byFingerprint(ctx.bearerFingerprint);
  if (!key) return errorReply(401, "unauthorized", "Unknown key: it is not a key of this organisation.");
  const status = ctx.state.status(key);
  if (status !== "active") return errorReply(401, "unauthorized", `This key is ${status}.`);
  ctx.caller = key;
  if (!key.scopes.includes("*") && !key.scopes.includes(scope)) {
    return errorReply(403, "forbidden", `This key lacks the ${scope} scope.`);
  }
  return key;
}
