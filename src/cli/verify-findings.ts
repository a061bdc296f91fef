// The modules themselves, not the index, which also exports the simulator.
import { createMoltbookClient } from "../moltbook/client.js";
import { moltbookClientOptionsFromEnv } from "../moltbook/client-options.js";
import { moltbookTuningFromEnv } from "../moltbook-tuning-from-env.js";
import type { ReportedFinding, VerifiedStatus } from "../report/scan-report.js";

/**
 * `scan --verify`: asks Moltbook what each found API key is now (POST /keys/lookup, by fingerprint,
 * with the organisation's governance key from MOLTBOOK_ADMIN_KEY), so a developer or a CI job can
 * tell a live leak from a dead one. Only fingerprints leave the machine, never a key: a key outside
 * the organisation's inventory is `unknown`, since telling whether it is live would mean presenting
 * it to Moltbook (GET /agents/me), and the CLI never sends a key anywhere.
 *
 * Its own bundle (dist/bin/verify-findings.js, see scripts/bundle-cli.mjs): the Moltbook client and
 * its rate limiter are loaded only by a scan that verifies.
 */
export async function verifyFindings(
  findings: readonly ReportedFinding[],
  env: NodeJS.ProcessEnv,
): Promise<ReportedFinding[]> {
  const fingerprints = [
    ...new Set(findings.filter((f) => f.kind === "moltbook_api_key").map((f) => f.fingerprint)),
  ];
  const statuses = new Map<string, VerifiedStatus>();
  if (fingerprints.length > 0) {
    // A developer's machine has no Redis to share the call budget through: this process keeps its own.
    const client = createMoltbookClient(
      moltbookClientOptionsFromEnv(env, { ...moltbookTuningFromEnv(env), redisUrl: undefined }),
    );
    try {
      for (const r of await client.lookupMany(fingerprints)) statuses.set(r.fingerprint, r.status);
    } finally {
      await client.close();
    }
  }
  return findings.map((f) => ({ ...f, status: statuses.get(f.fingerprint) ?? "unknown" }));
}

/** Fails before a scan that could not be verified: the one setting --verify cannot do without. */
export function assertCanVerify(env: NodeJS.ProcessEnv): void {
  if (!env.MOLTBOOK_ADMIN_KEY?.trim()) {
    throw new Error(
      "--verify needs MOLTBOOK_ADMIN_KEY, the organisation's governance key (keys:read is enough), to look the found keys up. To resolve, set it in the environment, or scan without --verify.",
    );
  }
}
