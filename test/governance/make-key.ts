import type { KeyRecord } from "../../src/moltbook/types.js";

export const DAY = 86_400_000;
/** The fixed "now" of every governance test: 2026-06-01 12:00 UTC. */
export const NOW = new Date("2026-06-01T12:00:00.000Z");

export function daysFromNow(days: number, ms = 0): string {
  return new Date(NOW.getTime() + days * DAY + ms).toISOString();
}

/**
 * A healthy, accountable, least-privileged key created 10 days ago; tests override what they
 * exercise. Records carry only a 4-character prefix, never a key.
 */
export function makeKey(overrides: Partial<KeyRecord> = {}): KeyRecord {
  return {
    id: "key_1",
    name: "deploy-bot",
    fingerprint: `sha256:${"a".repeat(64)}`,
    prefix: "moltbook_sk_Ab3d",
    parent_id: "key_root",
    owner: { email: "alice@example.com", github_login: "alice" },
    purpose: "Posts release notes",
    project: "acme/api",
    scopes: ["posts:write"],
    ip_allowlist: ["203.0.113.0/24"],
    status: "active",
    created_at: daysFromNow(-10),
    expires_at: daysFromNow(60),
    last_used_at: daysFromNow(-1),
    revoked_at: null,
    revoked_reason: null,
    ...overrides,
  };
}
