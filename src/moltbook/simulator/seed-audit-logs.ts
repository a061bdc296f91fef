import type { AuditEntry } from "../types.js";
import type { Rng } from "./create-rng.js";
import { pathsFor, USER_AGENTS } from "./seed-vocabulary.js";
import type { SimKey } from "./sim-types.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface AuditSeedOptions {
  now: Date;
  days: number;
  /** The governance key polls hourly rather than following a person's day. */
  governanceKeyId: string;
}

/**
 * Audit entries with a daily rhythm per key: each key has a peak hour, a daily volume and quieter
 * weekends, uses one or two IPs, and a couple of keys show a night-time burst from a new IP yesterday
 * (what an anomaly sweep should notice). Sets each key's `last_used_at`.
 */
export function seedAuditLogs(keys: SimKey[], rng: Rng, options: AuditSeedOptions): AuditEntry[] {
  const now = options.now.getTime();
  const start = now - options.days * DAY;
  const entries: Omit<AuditEntry, "id">[] = [];
  let anomalies = 0;
  for (const key of keys) {
    const from = Math.max(Date.parse(key.created_at), start);
    const to = Math.min(now, end(key, now));
    const before = entries.length;
    if (key.id === options.governanceKeyId) {
      for (let t = Math.ceil(from / HOUR) * HOUR; t < to; t += HOUR) {
        for (const path of ["/api/v1/keys", "/api/v1/audit-logs"]) {
          entries.push({
            at: iso(t + rng.int(0, 5000)),
            key_id: key.id,
            ip: "192.0.2.10",
            method: "GET",
            path,
            status: 200,
            user_agent: "moltbook-guard/0.1",
          });
        }
      }
    } else if (!rng.chance(0.15) && from < to) {
      const peak = rng.int(0, 23);
      const perDay = rng.int(3, 40);
      const ips = ipsFor(key, rng);
      const paths = pathsFor(key.scopes);
      const agent = rng.pick(USER_AGENTS);
      for (let day = Math.floor(from / DAY) * DAY; day < to; day += DAY) {
        const weekday = new Date(day).getUTCDay();
        const factor = weekday === 0 || weekday === 6 ? 0.35 : 1;
        const n = Math.round(perDay * factor * (0.7 + 0.6 * rng.next()));
        for (let j = 0; j < n; j++) {
          const t = day + Math.round((peak + rng.normal(0, 1.5)) * HOUR);
          const [method, path] = rng.pick(paths);
          if (t >= from && t < to) {
            entries.push({
              at: iso(t),
              key_id: key.id,
              ip: rng.pick(ips),
              method,
              path,
              status: statusFor(method, rng),
              user_agent: agent,
            });
          }
        }
      }
      if (
        anomalies < 2 &&
        key.revoked_at === null &&
        to === now &&
        entries.length > before &&
        rng.chance(0.3)
      ) {
        anomalies++;
        const burst = Math.floor(now / DAY) * DAY - DAY + ((peak + 12) % 24) * HOUR;
        for (let j = 0; j < 120; j++) {
          const t = burst + rng.int(0, 40 * 60_000);
          entries.push({
            at: iso(t),
            key_id: key.id,
            ip: "203.0.113.77",
            method: "POST",
            path: "/api/v1/posts",
            status: rng.chance(0.9) ? 201 : 429,
            user_agent: "python-requests/2.31",
          });
        }
      }
    }
    const mine = entries.slice(before);
    key.last_used_at = mine.length > 0 ? mine.reduce((a, e) => (e.at > a ? e.at : a), mine[0].at) : null;
  }
  entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return entries.map((e, i) => ({ id: `log_${String(i + 1).padStart(8, "0")}`, ...e }));
}

function end(key: SimKey, now: number): number {
  const revoked = key.revoked_at === null ? now : Date.parse(key.revoked_at);
  const expires = key.expires_at === null ? now : Date.parse(key.expires_at);
  return Math.min(revoked, expires);
}

function ipsFor(key: SimKey, rng: Rng): string[] {
  const count = rng.int(1, 2);
  const ips: string[] = [];
  for (let i = 0; i < count; i++) {
    const cidr =
      key.ip_allowlist.length > 0
        ? rng.pick(key.ip_allowlist)
        : rng.pick(["192.0.2.0/24", "198.51.100.0/24"]);
    ips.push(
      cidr.includes(":")
        ? `2001:db8::${rng.int(1, 0xfff).toString(16)}`
        : cidr.replace(/\.0\/24$/, `.${rng.int(2, 250)}`),
    );
  }
  return ips;
}

function statusFor(method: string, rng: Rng): number {
  if (rng.chance(0.03)) return rng.pick([401, 404, 429, 500]);
  return method === "POST" ? 201 : 200;
}

const iso = (ms: number): string => new Date(ms).toISOString();
