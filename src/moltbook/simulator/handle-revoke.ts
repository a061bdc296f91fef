import { REVOKE_REASONS } from "../types.js";
import { authorize } from "./authorize.js";
import { invalid, type Reply, type SimContext } from "./sim-context.js";
import { fingerprintList, isReply, isUri } from "./validate-request.js";

const REASONS: readonly string[] = REVOKE_REASONS;

/** `POST /keys/revoke`: idempotent; the revocation is in force before the answer is sent. */
export function handleRevoke(ctx: SimContext): Reply {
  const auth = authorize(ctx, "keys:revoke");
  if (isReply(auth)) return auth;
  const fingerprints = fingerprintList(ctx.body);
  if (isReply(fingerprints)) return fingerprints;
  const body = ctx.body as Record<string, unknown>;
  if (typeof body.reason !== "string" || !REASONS.includes(body.reason)) {
    return invalid(`reason is required and must be one of ${REASONS.join(", ")}.`);
  }
  if (body.evidence_url !== undefined && !isUri(body.evidence_url)) {
    return invalid("evidence_url must be an absolute URI.");
  }
  ctx.items = fingerprints.length;
  const reason = body.reason;
  return { status: 200, body: { results: fingerprints.map((fp) => ctx.state.revoke(fp, reason)) } };
}
