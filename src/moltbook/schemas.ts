import { z } from "zod";
import { FINGERPRINT_PATTERN } from "./types.js";

// The contract's response bodies (../shared/moltbook-api.openapi.yaml), checked at the edge so the
// rest of the app can trust the types in types.ts. Unknown extra fields are dropped, not rejected.

const fingerprint = z.string().regex(FINGERPRINT_PATTERN);
const nullableString = z.string().nullable();

export const keyRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  fingerprint,
  prefix: z.string(),
  parent_id: nullableString,
  owner: z.object({ email: nullableString, github_login: nullableString }),
  purpose: nullableString,
  project: nullableString,
  scopes: z.array(z.string()),
  ip_allowlist: z.array(z.string()),
  status: z.enum(["active", "revoked", "expired"]),
  created_at: z.string(),
  expires_at: nullableString,
  last_used_at: nullableString,
  revoked_at: nullableString,
  revoked_reason: nullableString,
});

export const keysPageSchema = z.object({ keys: z.array(keyRecordSchema), next_cursor: nullableString });

export const lookupResponseSchema = z.object({
  results: z.array(
    z.object({
      fingerprint,
      status: z.enum(["active", "revoked", "expired", "unknown"]),
      key: keyRecordSchema.nullable(),
    }),
  ),
});

export const revokeResponseSchema = z.object({
  results: z.array(
    z.object({
      fingerprint,
      outcome: z.enum(["revoked", "already_revoked", "not_found", "forbidden"]),
      revoked_at: nullableString,
    }),
  ),
});

export const credentialsResponseSchema = z.object({ accepted: z.number().int() });

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  key_id: z.string(),
  ip: z.string(),
  method: z.string(),
  path: z.string(),
  status: z.number().int(),
  user_agent: nullableString.optional(),
});

export const auditPageSchema = z.object({ entries: z.array(auditEntrySchema), next_cursor: nullableString });

export const agentMeSchema = z.object({
  success: z.literal(true),
  agent: z.object({
    id: z.string(),
    name: z.string(),
    is_claimed: z.boolean().optional(),
    created_at: z.string().optional(),
  }),
});

export const agentMeRejectedSchema = z.object({ success: z.literal(false), error: z.string() });

export const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
