import { authorize } from "./authorize.js";
import type { Reply, SimContext } from "./sim-context.js";
import { fingerprintList, isReply } from "./validate-request.js";

/** `POST /keys/lookup`: status and record per fingerprint, in request order; `unknown` outside the inventory. */
export function handleLookup(ctx: SimContext): Reply {
  const auth = authorize(ctx, "keys:read");
  if (isReply(auth)) return auth;
  const fingerprints = fingerprintList(ctx.body);
  if (isReply(fingerprints)) return fingerprints;
  ctx.items = fingerprints.length;
  const results = fingerprints.map((fingerprint) => {
    const key = ctx.state.byFingerprint(fingerprint);
    return key
      ? { fingerprint, status: ctx.state.status(key), key: ctx.state.record(key) }
      : { fingerprint, status: "unknown", key: null };
  });
  return { status: 200, body: { results } };
}
