import type { KeyRecord } from "../../moltbook/types.js";
import { isGovernanceKey } from "./is-governance-key.js";
import { DAY_MS, parseTime } from "./parse-time.js";
import type { GovernancePolicy, LeastPrivilegeFinding, LeastPrivilegeViolation, Severity } from "./types.js";

const WILDCARD_SCOPES: ReadonlySet<string> = new Set(["*", "keys:admin"]);

/**
 * Least privilege of an active key; each check can be switched off on its own:
 * - wildcard scopes: `*` or `keys:admin` on a key that is not a governance key (high);
 * - no IP allowlist (medium);
 * - no expiry, or one strictly further than `rotation.maxAgeDays` away (medium);
 * - unused (since `last_used_at`, or since creation if never used) for strictly more than
 *   `staleAfterDays`: suggest revoking (low).
 */
export function evaluateLeastPrivilege(
  key: KeyRecord,
  policy: Pick<GovernancePolicy, "leastPrivilege" | "rotation">,
  now: Date,
): LeastPrivilegeFinding | null {
  const lp = policy.leastPrivilege;
  if (!lp.enabled || key.status !== "active") return null;
  const nowMs = now.getTime();
  const violations: LeastPrivilegeViolation[] = [];

  if (lp.wildcardScopes && !isGovernanceKey(key)) {
    const wide = key.scopes.filter((s) => WILDCARD_SCOPES.has(s));
    if (wide.length > 0) violations.push({ check: "wildcard_scopes", scopes: wide });
  }
  if (lp.ipAllowlist && key.ip_allowlist.length === 0) violations.push({ check: "ip_allowlist" });
  if (lp.expiry) {
    const expiresAt = parseTime(key.expires_at);
    if (expiresAt === null || expiresAt - nowMs > policy.rotation.maxAgeDays * DAY_MS) {
      violations.push({ check: "expiry", expiresAt: expiresAt === null ? null : key.expires_at });
    }
  }
  if (lp.staleAfterDays) {
    const since = parseTime(key.last_used_at) ?? parseTime(key.created_at);
    if (since !== null && nowMs - since > lp.staleAfterDays * DAY_MS) {
      violations.push({
        check: "stale",
        lastUsedAt: parseTime(key.last_used_at) === null ? null : key.last_used_at,
      });
    }
  }

  if (violations.length === 0) return null;
  return { kind: "least-privilege", severity: worst(violations), violations };
}

const SEVERITY: Record<LeastPrivilegeViolation["check"], Severity> = {
  wildcard_scopes: "high",
  ip_allowlist: "medium",
  expiry: "medium",
  stale: "low",
};

function worst(violations: LeastPrivilegeViolation[]): Severity {
  const all = violations.map((v) => SEVERITY[v.check]);
  return all.includes("high") ? "high" : all.includes("medium") ? "medium" : "low";
}
