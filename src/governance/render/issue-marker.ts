import type { GovernanceKind } from "../policy/types.js";
import { GOVERNANCE_KINDS } from "../policy/types.js";

export interface IssueMarker {
  keyId: string;
  kind: GovernanceKind;
}

const MARKER = /<!-- moltbook-guard:governance key=(\S+) kind=([a-z-]+) -->/;

/**
 * The hidden line that makes an issue findable again by key and kind, even when the store is lost:
 * `<!-- moltbook-guard:governance key=<id> kind=<kind> -->`. Ids outside `[A-Za-z0-9_.:-]` are
 * percent-encoded so no id can end the comment early or forge another marker.
 */
export function issueMarker(keyId: string, kind: GovernanceKind): string {
  const id = /^[A-Za-z0-9_.:-]+$/.test(keyId) ? keyId : encodeURIComponent(keyId);
  return `<!-- moltbook-guard:governance key=${id} kind=${kind} -->`;
}

/** The first governance marker in an issue body, or null (not one of ours, or edited away). */
export function parseIssueMarker(body: string | null | undefined): IssueMarker | null {
  const m = body ? MARKER.exec(body) : null;
  if (!m) return null;
  const kind = m[2] as GovernanceKind;
  if (!GOVERNANCE_KINDS.includes(kind)) return null;
  try {
    return { keyId: decodeURIComponent(m[1]), kind };
  } catch {
    return null;
  }
}
