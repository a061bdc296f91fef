import { fingerprint } from "../../detect/index.js";
import { API_KEY_PATTERN } from "../types.js";
import { invalid, type Reply, type SimContext } from "./sim-context.js";
import { isObject, isReply, isUri, stringList } from "./validate-request.js";

/**
 * `POST /credentials/revoke`: no authentication; every reported key that exists (here or in another
 * organisation) is revoked. The raw keys are fingerprinted and dropped; nothing keeps them.
 */
export function handleCredentials(ctx: SimContext): Reply {
  const credentials = stringList(ctx.body, "credentials", API_KEY_PATTERN, "a Moltbook API key");
  if (isReply(credentials)) return credentials;
  if (isObject(ctx.body) && ctx.body.evidence_url !== undefined && !isUri(ctx.body.evidence_url)) {
    return invalid("evidence_url must be an absolute URI.");
  }
  ctx.items = credentials.length;
  for (const key of credentials) ctx.state.revokeReported(fingerprint(key));
  return { status: 202, body: { accepted: credentials.length } };
}
