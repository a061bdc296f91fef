import type { GovernanceKind } from "../policy/types.js";

// The store spells kinds with underscores (`least_privilege`), the rules with hyphens, as in the
// issue marker. Translate at the store boundary only.
const TO_STORE: Record<GovernanceKind, string> = {
  rotation: "rotation",
  "least-privilege": "least_privilege",
  accountability: "accountability",
};

export function toStoreKind(kind: GovernanceKind): string {
  return TO_STORE[kind];
}

/** Null for kinds the sweep does not manage (e.g. the installation snooze row). */
export function fromStoreKind(kind: string): GovernanceKind | null {
  const found = (Object.keys(TO_STORE) as GovernanceKind[]).find((k) => TO_STORE[k] === kind);
  return found ?? null;
}

/** The owned-object key of a per-key issue: unique per installation, repository, key and kind. */
export function issueObjectKey(keyId: string, kind: GovernanceKind): string {
  return `${keyId}:${kind}`;
}
