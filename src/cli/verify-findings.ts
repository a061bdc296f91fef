// The modules themselves, not the index, which also exports the simulator.
import { createMoltbookClient } from "../moltbook/client.js";
import { moltbookClientOptionsFromEnv } from "../moltbook/client-options.js";
import { moltbookTuningFromEnv } from "../moltbook-tuning-from-env.js";
import type { ReportedFinding, VerifiedStatus } from "../report/scan-report.js";

/** Looks found keys up in Moltbook and returns them with what it said (see verifierFromEnv). */
export type Verifier = (findings: readonly ReportedFinding[]) => Promise<ReportedFinding[]>;

/**
 * `scan --verify`: asks Moltbook what each found API key is now (POST /keys/lookup, by fingerprint,
 * with the organisation's governance key from MOLTBOOK_ADMIN_KEY), so a developer or a CI job can
 * tell a live leak from a dead one. Only fingerprints leave the machine, never a key: a key outside
 * the organisation's inventory is `unknown`, since telling whether it is live would mean presenting
 * it to Moltbook (GET /agents/me), and the CLI never sends a key anywhere.
 *
 * The settings are read and checked here, before the scan: a missing key or a malformed tuning
 * variable should not surface only after a long history scan. The client is made only if a key is
 * found. Its own bundle (dist/bin/verify-findings.js, see scripts/bundle-cli.mjs): the Moltbook
 * client and its rate limiter are loaded only by a scan that verifies.
 */
export function verifierFromEnv(env: NodeJS.ProcessEnv): Verifier {
  if (!env.MOLTBOOK_ADMIN_KEY?.trim()) {
    throw new Error(
      "--verify needs MOLTBOOK_ADMIN_KEY, the organisation's governance key (keys:read is enough), to look the found keys up. To resolve, set it in the environment, or scan without --verify.",
    );
  }
  // A developer's machine has no Redis to share the call budget through: this process keeps its own.
  const options = moltbookClientOptionsFromEnv(env, { ...moltbookTuningFromEnv(env), redisUrl: undefined });
  return async (findings) => {
    const fingerprints = [
      ...new Set(findings.filter((f) => f.kind === "moltbook_api_key").map((f) => f.fingerprint)),
    ];
    const statuses = new Map<string, VerifiedStatus>();
    if (fingerprints.length > 0) {
      const client = createMoltbookClient(options);
      try {
        for (const r of await client.lookupMany(fingerprints)) statuses.set(r.fingerprint, r.status);
      } finally {
        await client.close();
      }
    }
    return findings.map((f) => ({ ...f, status: statuses.get(f.fingerprint) ?? "unknown" }));
  };
}
