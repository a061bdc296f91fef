import { readFileSync } from "node:fs";
import { z } from "zod";
import { fingerprint } from "../../detect/index.js";
import { API_KEY_PATTERN, FINGERPRINT_PATTERN, GOVERNANCE_SCOPES } from "../types.js";
import { keyPrefix } from "./generate-key.js";
import type { Handout, SimKey, StateData } from "./sim-types.js";
import type { SimulatorState } from "./simulator-state.js";

const fp = z.string().regex(FINGERPRINT_PATTERN, "must be sha256: + 64 lower-case hex digits");
const rawKey = z.string().regex(API_KEY_PATTERN, "must be moltbook_sk_ + 32 characters");
const time = z.iso.datetime({ offset: true });
const agent = z.object({
  id: z.string(),
  name: z.string(),
  is_claimed: z.boolean().optional(),
  created_at: time.optional(),
});

const keySchema = z
  .object({
    id: z.string().optional(),
    name: z.string().optional(),
    key: rawKey.optional(),
    fingerprint: fp.optional(),
    prefix: z.string().optional(),
    parent_id: z.string().nullable().optional(),
    owner: z
      .object({ email: z.string().nullable().optional(), github_login: z.string().nullable().optional() })
      .optional(),
    purpose: z.string().nullable().optional(),
    project: z.string().nullable().optional(),
    scopes: z.array(z.string()).optional(),
    ip_allowlist: z.array(z.string()).optional(),
    created_at: time.optional(),
    expires_at: time.nullable().optional(),
    last_used_at: time.nullable().optional(),
    revoked_at: time.nullable().optional(),
    revoked_reason: z.string().nullable().optional(),
    protected: z.boolean().optional(),
    agent: agent.optional(),
  })
  .refine(
    (k) => (k.key === undefined) !== (k.fingerprint === undefined),
    "give exactly one of key or fingerprint",
  );

const foreignSchema = z
  .object({
    key: rawKey.optional(),
    fingerprint: fp.optional(),
    agent: agent.optional(),
    revoked_at: time.nullable().optional(),
  })
  .refine(
    (k) => (k.key === undefined) !== (k.fingerprint === undefined),
    "give exactly one of key or fingerprint",
  );

const auditSchema = z.object({
  id: z.string(),
  at: time,
  key_id: z.string(),
  ip: z.string(),
  method: z.string(),
  path: z.string(),
  status: z.number().int(),
  user_agent: z.string().nullable().optional(),
});

export const stateFileSchema = z.object({
  keys: z.array(keySchema),
  foreign_keys: z.array(foreignSchema).optional(),
  audit_logs: z.array(auditSchema).optional(),
});

export type StateFile = z.input<typeof stateFileSchema>;

/**
 * Loads an exact state (see docs/moltbook-api.md, "Simulator state file"). Records carry either a
 * raw `key` (for states a test makes at run time) or a `fingerprint`; raw keys are fingerprinted here
 * and kept only for the handout.
 */
export function loadState(
  source: string | StateFile,
  now: Date,
  adminKey?: string,
  adminScopes?: readonly string[],
) {
  const where = typeof source === "string" ? source : "the state object";
  let input: unknown = source;
  if (typeof source === "string") {
    try {
      input = JSON.parse(readFileSync(source, "utf8"));
    } catch (error) {
      throw new Error(`Cannot read the simulator state (${where}). To resolve, pass a readable JSON file.`, {
        cause: error,
      });
    }
  }
  const parsed = stateFileSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `The simulator state is invalid (${where}: ${issue.path.join(".") || "root"} ${issue.message}). To resolve, follow the state file format in docs/moltbook-api.md.`,
    );
  }
  const file = parsed.data;
  const raw = new Map<string, string>();
  const keys = file.keys.map((k, i): SimKey => {
    const id = k.id ?? `key_${String(i + 1).padStart(4, "0")}`;
    if (k.key) raw.set(id, k.key);
    const name = k.name ?? `key ${i + 1}`;
    const created = k.created_at ?? new Date(now.getTime() - 30 * 86_400_000).toISOString();
    return {
      id,
      name,
      fingerprint: k.key ? fingerprint(k.key) : k.fingerprint!,
      prefix: k.prefix ?? (k.key ? keyPrefix(k.key) : "moltbook_sk_????"),
      parent_id: k.parent_id ?? null,
      owner: { email: k.owner?.email ?? null, github_login: k.owner?.github_login ?? null },
      purpose: k.purpose ?? null,
      project: k.project ?? null,
      scopes: k.scopes ?? [],
      ip_allowlist: k.ip_allowlist ?? [],
      created_at: created,
      expires_at: k.expires_at ?? null,
      last_used_at: k.last_used_at ?? null,
      revoked_at: k.revoked_at ?? null,
      revoked_reason: k.revoked_reason ?? null,
      protected: k.protected ?? false,
      agent: k.agent ?? {
        id: `agent_${id}`,
        name: name.replace(/\W+/g, "-"),
        is_claimed: true,
        created_at: created,
      },
    };
  });
  assertUnique(
    keys.map((k) => k.id),
    "id",
    where,
  );
  assertUnique(
    keys.map((k) => k.fingerprint),
    "fingerprint",
    where,
  );
  const adminFingerprint = adminKey && fingerprint(adminKey);
  if (adminKey && !keys.some((k) => k.fingerprint === adminFingerprint)) {
    keys.push(governanceRecord(adminKey, now, adminScopes));
    raw.set("key_governance", adminKey);
  }
  const foreignRaw = (file.foreign_keys ?? []).flatMap((f) => (f.key ? [f.key] : []));
  const data: StateData = {
    keys,
    foreign: (file.foreign_keys ?? []).map((f, i) => ({
      fingerprint: f.key ? fingerprint(f.key) : f.fingerprint!,
      agent: f.agent ?? { id: `agent_foreign_${i + 1}`, name: `foreign-agent-${i + 1}`, is_claimed: true },
      revoked_at: f.revoked_at ?? null,
    })),
    audit: (file.audit_logs ?? []).map((e) => ({ ...e, user_agent: e.user_agent ?? null })),
  };
  return { data, handout: handoutOf(keys, raw, foreignRaw, now, adminKey) };
}

function governanceRecord(adminKey: string, now: Date, scopes?: readonly string[]): SimKey {
  const created = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  return {
    id: "key_governance",
    name: "moltbook-guard governance",
    fingerprint: fingerprint(adminKey),
    prefix: keyPrefix(adminKey),
    parent_id: null,
    owner: { email: null, github_login: null },
    purpose: "Moltbook Guard key governance",
    project: null,
    scopes: [...(scopes ?? GOVERNANCE_SCOPES)],
    ip_allowlist: [],
    created_at: created,
    expires_at: null,
    last_used_at: null,
    revoked_at: null,
    revoked_reason: null,
    protected: false,
    agent: { id: "agent_governance", name: "moltbook-guard", is_claimed: true, created_at: created },
  };
}

function handoutOf(
  keys: SimKey[],
  raw: Map<string, string>,
  foreign: string[],
  now: Date,
  adminKey?: string,
): Handout {
  const live = keys.filter(
    (k) =>
      raw.has(k.id) &&
      k.revoked_at === null &&
      (k.expires_at === null || Date.parse(k.expires_at) > now.getTime()),
  );
  const manages = (k: SimKey): boolean =>
    k.scopes.includes("*") || GOVERNANCE_SCOPES.every((s) => k.scopes.includes(s));
  const manager = live.find(manages);
  const admin = adminKey ?? (manager ? raw.get(manager.id)! : null);
  return {
    adminKey: admin,
    liveKeys: live
      .filter((k) => raw.get(k.id) !== admin && !k.protected)
      .slice(0, 5)
      .map((k) => ({ key: raw.get(k.id)!, id: k.id, name: k.name, scopes: k.scopes })),
    foreignKeys: foreign,
  };
}

function assertUnique(values: string[], field: string, where: string): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) {
      throw new Error(
        `The simulator state is invalid (${where}: two keys share ${field} ${field === "id" ? v : "a fingerprint"}). To resolve, make each key's ${field} unique.`,
      );
    }
    seen.add(v);
  }
}

/** The state as a state file: fingerprints only, loadable with --state. */
export function exportState(state: SimulatorState): StateFile {
  return {
    keys: state.keys.map(({ agent, ...k }) => ({ ...k, agent: { ...agent } })),
    foreign_keys: [...state.foreign.values()].map((f) => ({ ...f })),
    audit_logs: state.audit.map((e) => ({ ...e })),
  };
}
