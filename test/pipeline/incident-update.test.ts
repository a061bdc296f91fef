import { describe, expect, it } from "vitest";
import type { RevocationResult } from "../../src/act/revoke-leaked-keys.js";
import { incidentUpdate } from "../../src/pipeline/revoke-and-record.js";

const settledAt = Date.parse("2026-11-29T10:00:00Z");
const result = (over: Partial<RevocationResult>): RevocationResult => ({
  fingerprint: `sha256:${"ab".repeat(32)}`,
  status: "revoked",
  settledAt,
  ...over,
});

describe("incidentUpdate", () => {
  it.each(["revoked", "already_revoked"] as const)(
    "%s: the incident is revoked, its lookup status too, and nothing is left to retry",
    (status) => {
      expect(incidentUpdate(result({ status, revokedAt: "2026-11-29T09:59:58Z" }))).toMatchObject({
        state: "revoked",
        // An earlier report-only lookup may have recorded `active`: a revoked key is not.
        lookupStatus: "revoked",
        revokeOutcome: status,
        revokedAt: new Date("2026-11-29T09:59:58Z"),
        lastError: null,
        nextRetryAt: null,
      });
    },
  );

  it("dates a revocation Moltbook gave no time for by when the call was answered", () => {
    expect(incidentUpdate(result({}))?.revokedAt).toEqual(new Date(settledAt));
  });

  it("records a key outside the inventory as reported, not revoked", () => {
    expect(incidentUpdate(result({ status: "reported" }))).toMatchObject({
      state: "reported",
      revokeOutcome: "not_found",
    });
  });

  it("keeps the error of a failed revocation and counts the attempt", () => {
    expect(incidentUpdate(result({ status: "revoke_failed", error: "Moltbook answered 503." }))).toEqual({
      state: "revoke_failed",
      lastError: "Moltbook answered 503.",
      incrementAttempts: true,
    });
  });

  it.each(["report_only", "dry_run"] as const)(
    "%s: the key stays active, with what the lookup found",
    (status) => {
      expect(incidentUpdate(result({ status, key: null }))).toMatchObject({
        state: "active_report_only",
        lookupStatus: "unknown",
        keyId: null,
      });
    },
  );
});
