import { fingerprint } from "../../detect/index.js";
import { GOVERNANCE_SCOPES } from "../types.js";
import { createRng, type Rng } from "./create-rng.js";
import { generateKey, keyPrefix } from "./generate-key.js";
import { seedAuditLogs } from "./seed-audit-logs.js";
import { CIDRS, LOGINS, ORG, PURPOSES, REPOS, SCOPE_LEVELS } from "./seed-vocabulary.js";
import type { ForeignKey, Handout, SimKey, StateData } from "./sim-types.js";

export interface SeedOptions {
  seed: number;
  /** Inventory size, the governance key included. */
  keys: number;
  now: Date;
  adminKey?: string;
  adminScopes?: readonly string[];
  auditDays: number;
}

const DAY = 86_400_000;

/**
 * A realistic organisation from a seed: keys and sub-keys with owners, purposes, projects, scopes
 * from least to full, allowlists or none, ages over a year, some expired, some revoked; a few live
 * keys of other organisations; audit logs. Raw keys are made here and leave only in the handout.
 */
export function seedState(options: SeedOptions): { data: StateData; handout: Handout } {
  const rng = createRng(options.seed);
  const now = options.now.getTime();
  // Always drawn, so the rest of the organisation is the same whether or not --admin-key is given.
  const drawnAdmin = generateKey(rng);
  const adminKey = options.adminKey ?? drawnAdmin;
  const governance = makeKey(rng, adminKey, "key_governance", {
    created: now - 45 * DAY,
    name: "moltbook-guard governance",
    owner: { email: `platform@${ORG}.example`, github_login: `${ORG}-platform` },
    purpose: "Moltbook Guard key governance",
    project: `${ORG}/moltbook-guard`,
    scopes: [...(options.adminScopes ?? GOVERNANCE_SCOPES)],
  });
  const keys: SimKey[] = [governance];
  const raw = new Map<string, string>([[governance.id, adminKey]]);
  for (let i = 1; i < options.keys; i++) {
    const key = generateKey(rng);
    const record = randomKey(rng, key, `key_${hex(rng, 12)}`, keys, now);
    keys.push(record);
    raw.set(record.id, key);
  }
  const foreignRaw = [generateKey(rng), generateKey(rng), generateKey(rng)];
  const foreign: ForeignKey[] = foreignRaw.map((key, i) => ({
    fingerprint: fingerprint(key),
    agent: { id: `agent_${hex(rng, 10)}`, name: `stranger-bot-${i + 1}`, is_claimed: true },
    revoked_at: null,
  }));
  const audit = seedAuditLogs(keys, rng, {
    now: options.now,
    days: options.auditDays,
    governanceKeyId: governance.id,
  });
  const live = keys.filter(
    (k) =>
      k !== governance &&
      !k.protected &&
      k.revoked_at === null &&
      (k.expires_at === null || Date.parse(k.expires_at) > now),
  );
  return {
    data: { keys, foreign, audit },
    handout: {
      adminKey,
      liveKeys: live
        .slice(0, 5)
        .map((k) => ({ key: raw.get(k.id)!, id: k.id, name: k.name, scopes: k.scopes })),
      foreignKeys: foreignRaw,
    },
  };
}

function randomKey(rng: Rng, key: string, id: string, earlier: SimKey[], now: number): SimKey {
  const created = now - Math.floor(rng.next() * 365 * DAY);
  const parents = earlier.filter(
    (k) => k.parent_id === null && k.id !== "key_governance" && Date.parse(k.created_at) < created,
  );
  const parent = parents.length > 0 && rng.chance(0.25) ? rng.pick(parents) : undefined;
  const login = rng.chance(0.1) ? null : rng.pick(LOGINS);
  const repo = rng.pick(REPOS);
  const purpose = rng.pick(PURPOSES);
  const level = rng.pick(SCOPE_LEVELS);
  const record = makeKey(rng, key, id, {
    created,
    name: parent ? `${parent.name} (sub-key)` : `${repo} ${purpose}`,
    owner: parent
      ? { ...parent.owner }
      : { email: login ? `${login}@${ORG}.example` : null, github_login: login },
    purpose: parent ? `${purpose} (delegated)` : rng.chance(0.1) ? null : purpose,
    project: parent ? parent.project : rng.chance(0.05) ? null : `${ORG}/${repo}`,
    scopes: parent ? narrower(rng, parent.scopes) : [...level],
  });
  record.parent_id = parent?.id ?? null;
  if (rng.chance(0.4)) record.ip_allowlist = [rng.pick(CIDRS), ...(rng.chance(0.3) ? [rng.pick(CIDRS)] : [])];
  if (rng.chance(0.6)) record.expires_at = iso(created + rng.pick([30, 90, 180, 365]) * DAY);
  if (rng.chance(0.1)) {
    const until = Math.min(now, record.expires_at ? Date.parse(record.expires_at) : now);
    record.revoked_at = iso(created + Math.floor(rng.next() * (until - created)));
    record.revoked_reason = rng.pick(["manual", "leaked", "policy", "anomaly"]);
  }
  record.protected = rng.chance(0.03);
  return record;
}

interface KeyShape {
  created: number;
  name: string;
  owner: SimKey["owner"];
  purpose: string | null;
  project: string | null;
  scopes: string[];
}

function makeKey(rng: Rng, key: string, id: string, shape: KeyShape): SimKey {
  return {
    id,
    name: shape.name,
    fingerprint: fingerprint(key),
    prefix: keyPrefix(key),
    parent_id: null,
    owner: shape.owner,
    purpose: shape.purpose,
    project: shape.project,
    scopes: shape.scopes,
    ip_allowlist: [],
    created_at: iso(shape.created),
    expires_at: null,
    last_used_at: null,
    revoked_at: null,
    revoked_reason: null,
    protected: false,
    agent: {
      id: `agent_${hex(rng, 10)}`,
      name: shape.name.replace(/\W+/g, "-"),
      is_claimed: rng.chance(0.8),
      created_at: iso(shape.created),
    },
  };
}

function narrower(rng: Rng, scopes: readonly string[]): string[] {
  const from = scopes.includes("*") ? ["agents:read", "posts:write", "comments:write"] : scopes;
  const kept = from.filter(() => rng.chance(0.6));
  return kept.length > 0 ? kept : [from[0]];
}

function hex(rng: Rng, length: number): string {
  let s = "";
  for (let i = 0; i < length; i++) s += rng.int(0, 15).toString(16);
  return s;
}

const iso = (ms: number): string => new Date(ms).toISOString();
