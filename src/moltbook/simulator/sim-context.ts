import type { SimKey } from "./sim-types.js";
import type { SimulatorState } from "./simulator-state.js";

export interface SimContext {
  state: SimulatorState;
  url: URL;
  params: Record<string, string>;
  /** Fingerprint of the presented bearer, or null. The raw bearer is never kept. */
  bearerFingerprint: string | null;
  body: unknown;
  /** Set once a management call is authenticated: the request goes into that key's audit log. */
  caller?: SimKey;
  /** Fingerprints or credentials in the body, for the call record. */
  items?: number;
}

export interface Reply {
  status: number;
  body: unknown;
}

export function errorReply(status: number, code: string, message: string): Reply {
  return { status, body: { error: { code, message } } };
}

export function invalid(message: string): Reply {
  return errorReply(422, "invalid_request", message);
}
