import type { KeyRecord } from "../../moltbook/types.js";
import { DAY_MS, parseTime } from "./parse-time.js";
import type { GovernancePolicy, RotationFinding } from "./types.js";

/**
 * Rotation of an active key, most urgent first:
 * - expired: `expires_at` is at or before now, yet Moltbook still reports the key active;
 * - overdue: strictly older than `maxAgeDays` (exactly 90 days old is not yet overdue);
 * - due soon: its rotation date (the earlier of `expires_at` and `created_at + maxAgeDays`) is
 *   within `warnDays`, boundary included, so owners hear of a key before it becomes overdue too.
 * Revoked and disabled keys, and keys with an unreadable `created_at` and no expiry, give null.
 */
export function evaluateRotation(
  key: KeyRecord,
  policy: Pick<GovernancePolicy, "rotation">,
  now: Date,
): RotationFinding | null {
  const { enabled, maxAgeDays, warnDays } = policy.rotation;
  if (!enabled || key.status !== "active") return null;
  const nowMs = now.getTime();
  const expiresAt = parseTime(key.expires_at);
  const createdAt = parseTime(key.created_at);
  const ageLimit = createdAt === null ? null : createdAt + maxAgeDays * DAY_MS;

  const due = earliest(expiresAt, ageLimit);
  if (due === null) return null;
  const dueAt = new Date(due.at).toISOString();

  if (expiresAt !== null && expiresAt <= nowMs) {
    return { kind: "rotation", state: "expired", severity: "high", dueAt, dueBecause: due.because };
  }
  if (ageLimit !== null && nowMs > ageLimit) {
    return { kind: "rotation", state: "overdue", severity: "medium", dueAt, dueBecause: due.because };
  }
  if (due.at - nowMs <= warnDays * DAY_MS) {
    return { kind: "rotation", state: "due_soon", severity: "low", dueAt, dueBecause: due.because };
  }
  return null;
}

function earliest(
  expiresAt: number | null,
  ageLimit: number | null,
): { at: number; because: "expiry" | "max_age" } | null {
  if (expiresAt !== null && (ageLimit === null || expiresAt <= ageLimit)) {
    return { at: expiresAt, because: "expiry" };
  }
  if (ageLimit !== null) return { at: ageLimit, because: "max_age" };
  return null;
}
