import { fingerprint } from "../detect/index.js";
import type { MoltbookClient } from "./client-types.js";
import { isMoltbookError } from "./errors.js";
import { GOVERNANCE_SCOPES, type KeyRecord } from "./types.js";

export interface GovernanceKeyCheck {
  /** False when the key does not work or lacks a scope the app needs: the app should not start. */
  ok: boolean;
  /** The scopes the key has (as read from its record, or as confirmed by probes). */
  scopes: string[];
  /** Things to fix that do not stop the app, e.g. more scopes than needed. */
  warnings: string[];
  /** Why `ok` is false, with what to do. */
  error?: string;
}

// Matches no key (it is the hash of a string that is not a key), so revoking it changes nothing.
const PROBE_FINGERPRINT = fingerprint("moltbook-guard scope probe");
const EXPIRY_WARNING_DAYS = 14;

/**
 * The start-up check of MOLTBOOK_ADMIN_KEY: it looks up its own fingerprint with POST /keys/lookup
 * (which needs keys:read) and reads `scopes` from the record. If the key is not in the inventory,
 * it probes keys:revoke (revoking a fingerprint that matches no key) and audit:read (one audit page).
 */
export async function checkGovernanceKey(
  client: MoltbookClient,
  now: () => Date = () => new Date(),
): Promise<GovernanceKeyCheck> {
  let found;
  try {
    found = await client.lookup(client.adminFingerprint);
  } catch (error) {
    return failed(error, []);
  }
  if (found.status === "revoked" || found.status === "expired") {
    return {
      ok: false,
      scopes: found.key?.scopes ?? [],
      warnings: [],
      error: `MOLTBOOK_ADMIN_KEY is ${found.status} (POST /keys/lookup of its own fingerprint). To resolve, create a new governance key with keys:read, keys:revoke and audit:read and set MOLTBOOK_ADMIN_KEY to it.`,
    };
  }
  if (found.key) return fromRecord(found.key, now());
  return probe(client, now());
}

function fromRecord(key: KeyRecord, now: Date): GovernanceKeyCheck {
  const all = key.scopes.includes("*");
  const missing = GOVERNANCE_SCOPES.filter((s) => !all && !key.scopes.includes(s));
  const extra = key.scopes.filter((s) => !(GOVERNANCE_SCOPES as readonly string[]).includes(s));
  const warnings: string[] = [];
  if (extra.length > 0) {
    warnings.push(
      `MOLTBOOK_ADMIN_KEY has more scopes than it needs (${extra.join(", ")}). To resolve, replace it with a key that has only keys:read, keys:revoke and audit:read, so a leak of it gives away less.`,
    );
  }
  if (key.expires_at !== null) {
    const days = (Date.parse(key.expires_at) - now.getTime()) / 86_400_000;
    if (days < EXPIRY_WARNING_DAYS) {
      warnings.push(
        `MOLTBOOK_ADMIN_KEY expires on ${key.expires_at} (in ${Math.max(0, Math.floor(days))} days). To resolve, create its successor now and switch MOLTBOOK_ADMIN_KEY before then.`,
      );
    }
  }
  if (missing.length > 0) {
    return {
      ok: false,
      scopes: key.scopes,
      warnings,
      error: `MOLTBOOK_ADMIN_KEY lacks ${missing.join(", ")} (its scopes: ${key.scopes.join(", ") || "none"}). To resolve, grant it ${missing.join(", ")} in Moltbook; it needs keys:read, keys:revoke and audit:read.`,
    };
  }
  return { ok: true, scopes: key.scopes, warnings };
}

async function probe(client: MoltbookClient, now: Date): Promise<GovernanceKeyCheck> {
  const scopes = ["keys:read"];
  try {
    await client.revoke(PROBE_FINGERPRINT, { reason: "manual" });
    scopes.push("keys:revoke");
    for await (const _ of client.auditLogs({ since: now, pageSize: 1 })) break;
    scopes.push("audit:read");
  } catch (error) {
    return failed(error, scopes);
  }
  return {
    ok: true,
    scopes,
    warnings: [
      "MOLTBOOK_ADMIN_KEY is not in the organisation's inventory, so its scopes were confirmed by probes and extra scopes cannot be ruled out. To resolve, use a governance key of the organisation whose record lists only keys:read, keys:revoke and audit:read.",
    ],
  };
}

function failed(error: unknown, scopes: string[]): GovernanceKeyCheck {
  const message = error instanceof Error ? error.message : String(error);
  const prefix =
    isMoltbookError(error) && error.code === "unavailable" ? "Could not check MOLTBOOK_ADMIN_KEY: " : "";
  return { ok: false, scopes, warnings: [], error: prefix + message };
}
