// The behaviour every Store must have, run against each implementation (SQLite in memory, SQLite
// files, PostgreSQL). Times come from a clock the tests move, so leases and retries need no sleeps.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OwnedObjectRef, Store } from "../../src/store/index.js";
import { contentHash } from "../../src/store/index.js";
import { randomDevKey } from "../support/moltbook/random-key.js";
import { testKey } from "./test-keys.js";

export interface ContractDatabase {
  /** Another Store on the same database (the first one is opened by the contract the same way). */
  open(): Promise<Store>;
  /** Everything the database holds, as text, to search for keys; absent when there is nothing to read. */
  contents?(): Promise<string>;
  cleanup(): Promise<void>;
}

export interface ContractTarget {
  /** A fresh, empty database for one test. */
  fresh(now: () => number): Promise<ContractDatabase>;
  /** `open()` reaches the same data, so two instances can race. */
  shared: boolean;
}

const INST = 101;
const REPO = "acme/api";

export function storeContract(name: string, target: ContractTarget): void {
  describe(`Store contract: ${name}`, () => {
    let clock = 0;
    const now = () => clock;
    const tick = (ms: number) => {
      clock += ms;
    };
    let database: ContractDatabase;
    let store: Store;
    const others: Store[] = [];
    const openOther = async () => {
      const s = await database.open();
      others.push(s);
      return s;
    };

    beforeEach(async () => {
      clock = Date.UTC(2026, 0, 1);
      database = await target.fresh(now);
      store = await database.open();
    });
    afterEach(async () => {
      await Promise.all([store, ...others.splice(0)].map((s) => s.close()));
      await database.cleanup();
    });

    const incident = async (state?: Parameters<Store["upsertIncident"]>[0]["state"]) => {
      const key = testKey();
      const { incident } = await store.upsertIncident({
        installationId: INST,
        fingerprint: key.fingerprint,
        kind: "moltbook_api_key",
        redacted: key.redacted,
        state,
      });
      return { key, incident };
    };

    describe("installations", () => {
      it("upserts, keeps the governance repo unless told, records sweeps and removes", async () => {
        const first = await store.upsertInstallation({
          id: 7,
          accountLogin: "acme",
          governanceRepo: "acme/gov",
        });
        expect(first).toMatchObject({
          id: 7,
          accountLogin: "acme",
          governanceRepo: "acme/gov",
          lastSweepAt: null,
        });
        tick(1000);
        const renamed = await store.upsertInstallation({ id: 7, accountLogin: "acme-inc" });
        expect(renamed).toMatchObject({ accountLogin: "acme-inc", governanceRepo: "acme/gov" });
        expect(renamed.createdAt).toEqual(first.createdAt);
        await store.upsertInstallation({ id: 7, accountLogin: "acme-inc", governanceRepo: null });
        await store.markInstallationSwept(7, new Date(clock));
        expect(await store.getInstallation(7)).toMatchObject({
          governanceRepo: null,
          lastSweepAt: new Date(clock),
        });
        await store.upsertInstallation({ id: 3, accountLogin: "beta" });
        expect((await store.listInstallations()).map((i) => i.id)).toEqual([3, 7]);
        await store.removeInstallation(7);
        expect(await store.getInstallation(7)).toBeNull();
      });
    });

    describe("incidents", () => {
      it("creates an incident once per (installation, fingerprint)", async () => {
        const { key, incident: created } = await incident();
        expect(created).toMatchObject({
          state: "found",
          attempts: 0,
          redacted: key.redacted,
          revokedAt: null,
        });
        tick(5000);
        const again = await store.upsertIncident({
          installationId: INST,
          fingerprint: key.fingerprint,
          kind: "moltbook_api_key",
          redacted: key.redacted,
          state: "revoked",
        });
        expect(again.created).toBe(false);
        expect(again.incident).toEqual(created);
        const elsewhere = await store.upsertIncident({
          installationId: INST + 1,
          fingerprint: key.fingerprint,
          kind: "moltbook_api_key",
          redacted: key.redacted,
        });
        expect(elsewhere.created).toBe(true);
      });

      it("applies transitions, counts attempts and clears fields with null", async () => {
        const { key } = await incident();
        const retryAt = new Date(clock + 60_000);
        const failed = await store.updateIncident(INST, key.fingerprint, {
          state: "revoke_failed",
          lastError: "Moltbook unavailable (POST /keys/revoke). To resolve, wait.",
          nextRetryAt: retryAt,
          lookupStatus: "active",
          keyId: "key_1",
          keyName: "ci bot",
          incrementAttempts: true,
        });
        expect(failed).toMatchObject({
          state: "revoke_failed",
          attempts: 1,
          nextRetryAt: retryAt,
          keyId: "key_1",
        });
        const revokedAt = new Date(clock);
        const revoked = await store.updateIncident(INST, key.fingerprint, {
          state: "revoked",
          revokedAt,
          revokeOutcome: "revoked",
          lastError: null,
          nextRetryAt: null,
          incrementAttempts: true,
        });
        expect(revoked).toMatchObject({
          state: "revoked",
          revokedAt,
          revokeOutcome: "revoked",
          lastError: null,
          nextRetryAt: null,
          attempts: 2,
          keyName: "ci bot",
        });
      });

      it("never turns a revoked or reported key back into an active incident", async () => {
        const { key } = await incident("revoked");
        await expect(store.updateIncident(INST, key.fingerprint, { state: "found" })).rejects.toThrow(
          /cannot go from revoked to found .*To resolve/,
        );
        await expect(
          store.updateIncident(INST, key.fingerprint, { state: "revoke_failed" }),
        ).rejects.toThrow();
        expect(await store.updateIncident(INST, key.fingerprint, { state: "removed" })).toMatchObject({
          state: "removed",
        });
        const reported = await incident("reported");
        await expect(
          store.updateIncident(INST, reported.key.fingerprint, { state: "active_report_only" }),
        ).rejects.toThrow(/cannot go from reported/);
      });

      it("moves only from the expected states (compare-and-set)", async () => {
        const { key } = await incident();
        const [a, b] = await Promise.all([
          store.updateIncident(INST, key.fingerprint, { state: "revoked" }, { fromStates: ["found"] }),
          store.updateIncident(INST, key.fingerprint, { state: "ignored" }, { fromStates: ["found"] }),
        ]);
        expect([a, b].filter((r) => r !== null)).toHaveLength(1);
        expect(
          await store.updateIncident(INST, key.fingerprint, { lastError: "x" }, { fromStates: ["found"] }),
        ).toBeNull();
      });

      it("explains how to fix an update of an unknown incident or an unknown state", async () => {
        const { fingerprint } = testKey();
        await expect(store.updateIncident(INST, fingerprint, { state: "revoked" })).rejects.toThrow(
          /No incident for sha256:[0-9a-f]{64} .*To resolve, call upsertIncident/,
        );
        const { key } = await incident();
        await expect(
          store.updateIncident(INST, key.fingerprint, { state: "gone" as "removed" }),
        ).rejects.toThrow(/Unknown incident state "gone".*To resolve, use one of found/);
      });

      it("lists by installation, state and due retry", async () => {
        const a = await incident();
        tick(1);
        const b = await incident();
        tick(1);
        await incident("revoked");
        await store.upsertIncident({ ...a.incident, installationId: INST + 1 });
        await store.updateIncident(INST, b.key.fingerprint, {
          state: "revoke_failed",
          nextRetryAt: new Date(clock + 10_000),
        });
        const ids = (list: { fingerprint: string }[]) => list.map((i) => i.fingerprint);
        expect(
          ids(await store.listIncidents({ installationId: INST, states: ["found", "revoke_failed"] })),
        ).toEqual(ids([a.key, b.key]));
        expect(await store.listIncidents({ retryDueBy: new Date(clock) })).toEqual([]);
        expect(ids(await store.listIncidents({ retryDueBy: new Date(clock + 10_000) }))).toEqual([
          b.key.fingerprint,
        ]);
        expect(await store.listIncidents({ states: [] })).toEqual([]);
        expect(await store.listIncidents()).toHaveLength(4);
      });
    });

    describe("sightings", () => {
      const finding = (key: ReturnType<typeof testKey>, line = 3) => ({
        kind: "moltbook_api_key" as const,
        fingerprint: key.fingerprint,
        redacted: key.redacted,
        path: "config/.env",
        line,
        column: 9,
        encoding: "plain" as const,
        commit: "a".repeat(40),
      });

      it("records a finding's incident and sighting once, deduped on commit, path and line", async () => {
        const key = testKey();
        const input = {
          installationId: INST,
          repo: REPO,
          source: "push" as const,
          finding: finding(key),
          evidenceUrl: `https://github.com/${REPO}/blob/${"a".repeat(40)}/config/.env#L3`,
        };
        const first = await store.recordFinding(input);
        expect(first).toMatchObject({ incidentCreated: true, sightingCreated: true });
        expect(first.sighting).toMatchObject({
          fingerprint: key.fingerprint,
          repo: REPO,
          commitSha: "a".repeat(40),
          path: "config/.env",
          line: 3,
          column: 9,
          encoding: "plain",
          source: "push",
          prNumber: null,
          removedAt: null,
        });
        const again = await store.recordFinding(input);
        expect(again).toMatchObject({ incidentCreated: false, sightingCreated: false });
        expect(again.sighting).toEqual(first.sighting);
        const otherLine = await store.recordFinding({ ...input, finding: finding(key, 4) });
        expect(otherLine).toMatchObject({ incidentCreated: false, sightingCreated: true });
        const body = await store.recordSighting({
          installationId: INST,
          fingerprint: key.fingerprint,
          repo: REPO,
          path: "pull request #12 body",
          line: 1,
          column: 1,
          encoding: "plain",
          source: "pr_body",
          prNumber: 12,
        });
        expect(body.sighting.commitSha).toBeNull();
        expect((await store.recordSighting({ ...body.sighting, commitSha: null })).created).toBe(false);
        expect(
          await store.listSightings({ installationId: INST, fingerprint: key.fingerprint }),
        ).toHaveLength(3);
      });

      it("marks a pull request's sightings removed when their key left the head", async () => {
        const kept = testKey();
        const gone = testKey();
        for (const key of [kept, gone]) {
          await store.recordFinding({
            installationId: INST,
            repo: REPO,
            source: "pull_request",
            prNumber: 5,
            finding: finding(key),
          });
        }
        await store.recordFinding({
          installationId: INST,
          repo: REPO,
          source: "pull_request",
          prNumber: 6,
          finding: finding(gone, 30),
        });
        tick(1000);
        const removed = await store.markSightingsRemoved(
          { installationId: INST, repo: REPO, prNumber: 5, stillPresent: [kept.fingerprint] },
          new Date(clock),
        );
        expect(removed.map((s) => s.fingerprint)).toEqual([gone.fingerprint]);
        expect(removed[0].removedAt).toEqual(new Date(clock));
        expect(
          await store.markSightingsRemoved({
            installationId: INST,
            repo: REPO,
            prNumber: 5,
            stillPresent: [kept.fingerprint],
          }),
        ).toEqual([]);
        const present = await store.listSightings({
          installationId: INST,
          repo: REPO,
          prNumber: 5,
          present: true,
        });
        expect(present.map((s) => s.fingerprint)).toEqual([kept.fingerprint]);
        expect(await store.listSightings({ installationId: INST, prNumber: 6, present: true })).toHaveLength(
          1,
        );
        const all = await store.markSightingsRemoved({ installationId: INST, repo: REPO, prNumber: 5 });
        expect(all.map((s) => s.fingerprint)).toEqual([kept.fingerprint]);
      });

      it("asks for the incident first when a sighting has none", async () => {
        const key = testKey();
        await expect(
          store.recordSighting({
            installationId: INST,
            fingerprint: key.fingerprint,
            repo: REPO,
            path: "a.txt",
            line: 1,
            column: 1,
            encoding: "plain",
            source: "push",
          }),
        ).rejects.toThrow(/create its incident first/);
      });
    });

    describe("owned GitHub objects", () => {
      const ref: OwnedObjectRef = { installationId: INST, repo: REPO, kind: "pr_comment", key: "pr:12" };

      it("lets one claimant create, then records, updates and releases", async () => {
        const first = await store.claimOwnedObject(ref, "worker-a");
        expect(first).toMatchObject({
          claimed: true,
          object: { state: "creating", claimedBy: "worker-a", githubId: null },
        });
        const second = await store.claimOwnedObject(ref, "worker-b");
        expect(second).toMatchObject({
          claimed: false,
          object: { state: "creating", claimedBy: "worker-a" },
        });

        const hash = contentHash("body v1");
        const created = await store.recordOwnedObject(ref, {
          githubId: 9_000_000_001,
          number: null,
          contentHash: hash,
        });
        expect(created).toMatchObject({
          githubId: 9_000_000_001,
          contentHash: hash,
          state: "open",
          claimedBy: null,
        });
        const third = await store.claimOwnedObject(ref, "worker-c");
        expect(third).toMatchObject({
          claimed: false,
          object: { githubId: 9_000_000_001, contentHash: hash },
        });

        const updated = await store.recordOwnedObject(ref, {
          githubId: 9_000_000_001,
          contentHash: contentHash("v2"),
          state: "closed",
        });
        expect(updated).toMatchObject({ state: "closed", contentHash: contentHash("v2") });
        expect(updated.createdAt).toEqual(created.createdAt);
        expect(await store.listOwnedObjects({ installationId: INST, kind: "pr_comment" })).toHaveLength(1);
        expect(await store.listOwnedObjects({ installationId: INST, repo: "acme/other" })).toEqual([]);
      });

      it("hands a claim on after release or after its holder's time ran out", async () => {
        await store.claimOwnedObject(ref, "worker-a", 30_000);
        await store.releaseOwnedObject(ref, "worker-b");
        expect((await store.claimOwnedObject(ref, "worker-b")).claimed).toBe(false);
        await store.releaseOwnedObject(ref, "worker-a");
        expect(await store.getOwnedObject(ref)).toBeNull();
        expect(await store.claimOwnedObject(ref, "worker-b", 30_000)).toMatchObject({ claimed: true });
        tick(30_000);
        expect(await store.claimOwnedObject(ref, "worker-c")).toMatchObject({
          claimed: true,
          object: { claimedBy: "worker-c" },
        });
      });

      it("gives exactly one of many racing claimants the right to create", async () => {
        const stores = target.shared ? [store, await openOther()] : [store];
        const results = await Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            stores[i % stores.length].claimOwnedObject(ref, `worker-${i}`),
          ),
        );
        expect(results.filter((r) => r.claimed)).toHaveLength(1);
      });

      it("lets a loser wait for the winner's object", async () => {
        await store.claimOwnedObject(ref, "worker-a");
        const waiting = store.waitForOwnedObject(ref, { timeoutMs: 5_000, pollMs: 5 });
        setTimeout(
          () => void store.recordOwnedObject(ref, { githubId: 42, number: 7, contentHash: null }),
          30,
        );
        expect(await waiting).toMatchObject({ githubId: 42, number: 7, state: "open" });
        const gaveUp = { ...ref, key: "pr:13" };
        await store.claimOwnedObject(gaveUp, "worker-a");
        setTimeout(() => void store.releaseOwnedObject(gaveUp, "worker-a"), 30);
        expect(await store.waitForOwnedObject(gaveUp, { timeoutMs: 5_000, pollMs: 5 })).toBeNull();
        await store.claimOwnedObject(gaveUp, "worker-a");
        expect(await store.waitForOwnedObject(gaveUp, { timeoutMs: 20, pollMs: 5 })).toMatchObject({
          state: "creating",
        });
      });
    });

    describe("jobs", () => {
      const enqueue = (dedupeKey: string, runAfter?: Date) =>
        store.enqueueJob({
          kind: "scan_push",
          dedupeKey,
          payload: { repo: REPO, after: dedupeKey },
          runAfter,
        });

      it("enqueues once per dedupe key while pending, running or done", async () => {
        const first = await enqueue("push:a");
        expect(first).toMatchObject({
          created: true,
          job: { state: "pending", attempts: 0, payload: { repo: REPO, after: "push:a" } },
        });
        expect(await enqueue("push:a")).toMatchObject({ created: false, job: { id: first.job.id } });
        const claimed = await store.claimNextJob("w1", 60_000);
        expect(claimed).toMatchObject({ id: first.job.id, state: "running", leasedBy: "w1", claims: 1 });
        expect(await enqueue("push:a")).toMatchObject({ created: false, job: { state: "running" } });
        await store.completeJob(first.job.id);
        expect(await enqueue("push:a")).toMatchObject({ created: false, job: { state: "done" } });
        expect(await store.claimNextJob("w1", 60_000)).toBeNull();
      });

      it("claims due jobs in order, and a job whose lease expired again", async () => {
        const later = await enqueue("later", new Date(clock + 10_000));
        tick(1);
        const a = await enqueue("a");
        tick(1);
        const b = await enqueue("b");
        expect((await store.claimNextJob("w1", 5_000))?.id).toBe(a.job.id);
        expect((await store.claimNextJob("w2", 5_000))?.id).toBe(b.job.id);
        expect(await store.claimNextJob("w3", 5_000)).toBeNull();
        tick(5_000);
        // w1 died holding a: it is claimed again, before the job that is due later.
        const resumed = await store.claimNextJob("w3", 5_000);
        expect(resumed).toMatchObject({ id: a.job.id, leasedBy: "w3", claims: 2, attempts: 0 });
        expect(await store.renewJobLease(a.job.id, "w1", 5_000)).toBe(false);
        expect(await store.renewJobLease(a.job.id, "w3", 60_000)).toBe(true);
        tick(5_000);
        expect((await store.claimNextJob("w4", 5_000))?.id).toBe(b.job.id);
        expect((await store.claimNextJob("w5", 5_000))?.id).toBe(later.job.id);
        expect(await store.claimNextJob("w6", 5_000)).toBeNull();
      });

      it("retries a failed job after retryAt, and revives one that failed for good on re-enqueue", async () => {
        const { job } = await enqueue("x");
        await store.claimNextJob("w1", 60_000);
        await store.failJob(job.id, "GitHub said 502 (compare). To resolve, wait.", new Date(clock + 2_000));
        expect(await store.getJob(job.id)).toMatchObject({ state: "pending", attempts: 1, leasedBy: null });
        expect(await store.claimNextJob("w1", 60_000)).toBeNull();
        tick(2_000);
        expect(await store.claimNextJob("w1", 60_000)).toMatchObject({ id: job.id, attempts: 1 });
        await store.failJob(job.id, "still broken", null);
        expect(await store.getJob(job.id)).toMatchObject({
          state: "failed",
          attempts: 2,
          lastError: "still broken",
        });
        expect(await store.claimNextJob("w1", 60_000)).toBeNull();
        expect(await store.listJobs({ state: "failed" })).toHaveLength(1);
        const revived = await enqueue("x");
        expect(revived).toMatchObject({
          created: true,
          job: { id: job.id, state: "pending", attempts: 0, lastError: null },
        });
      });

      it("lists, and prunes done jobs so their keys are free again", async () => {
        const { job } = await enqueue("old");
        await store.enqueueJob({ kind: "scan_pull_request", dedupeKey: "pr", payload: { n: 1 } });
        await store.claimNextJob("w", 1_000);
        await store.completeJob(job.id);
        expect((await store.listJobs({ kind: "scan_pull_request" })).map((j) => j.dedupeKey)).toEqual(["pr"]);
        expect(await store.listJobs()).toHaveLength(2);
        tick(10);
        expect(await store.pruneJobs(new Date(clock))).toBe(1);
        expect((await enqueue("old")).created).toBe(true);
      });

      it("never hands one job to two claimants", async () => {
        const total = 40;
        for (let i = 0; i < total; i++) await enqueue(`job-${i}`);
        const stores = target.shared ? [store, await openOther()] : [store];
        const seen: number[] = [];
        await Promise.all(
          Array.from({ length: 6 }, async (_, w) => {
            const s = stores[w % stores.length];
            for (
              let job = await s.claimNextJob(`w${w}`, 60_000);
              job;
              job = await s.claimNextJob(`w${w}`, 60_000)
            ) {
              seen.push(job.id);
              await s.completeJob(job.id);
            }
          }),
        );
        expect(seen).toHaveLength(total);
        expect(new Set(seen).size).toBe(total);
        expect(await store.listJobs({ state: "done" })).toHaveLength(total);
      });
    });

    describe("leases", () => {
      it("is held by one holder until released or expired", async () => {
        expect(await store.acquireLease("sweep:101", "a", 10_000)).toBe(true);
        expect(await store.acquireLease("sweep:101", "b", 10_000)).toBe(false);
        expect(await store.acquireLease("sweep:101", "a", 10_000)).toBe(true);
        expect(await store.renewLease("sweep:101", "b", 10_000)).toBe(false);
        tick(9_000);
        expect(await store.renewLease("sweep:101", "a", 10_000)).toBe(true);
        tick(9_000);
        expect(await store.acquireLease("sweep:101", "b", 10_000)).toBe(false);
        tick(1_000);
        expect(await store.acquireLease("sweep:101", "b", 10_000)).toBe(true);
        expect(await store.releaseLease("sweep:101", "a")).toBe(false);
        expect(await store.releaseLease("sweep:101", "b")).toBe(true);
        expect(await store.acquireLease("sweep:101", "c", 10_000)).toBe(true);
      });

      it("goes to exactly one of many racing holders", async () => {
        const stores = target.shared ? [store, await openOther()] : [store];
        const won = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            stores[i % stores.length].acquireLease("sweep", `h${i}`, 60_000),
          ),
        );
        expect(won.filter(Boolean)).toHaveLength(1);
      });
    });

    describe("ignored fingerprints", () => {
      it("keeps repository and installation-wide entries, updated in place", async () => {
        const key = testKey();
        const orgWide = await store.ignoreFingerprint({
          installationId: INST,
          repo: null,
          fingerprint: key.fingerprint,
          reason: "docs sample",
          by: "alice",
        });
        expect(orgWide).toMatchObject({ repo: null, reason: "docs sample", ignoredBy: "alice" });
        expect(await store.findIgnoredFingerprint(INST, REPO, key.fingerprint)).toMatchObject({ repo: null });
        tick(1);
        await store.ignoreFingerprint({
          installationId: INST,
          repo: REPO,
          fingerprint: key.fingerprint,
          reason: "fixture",
          by: "bob",
        });
        await store.ignoreFingerprint({
          installationId: INST,
          repo: REPO,
          fingerprint: key.fingerprint,
          reason: "fixture, revoked",
          by: "carol",
        });
        expect(await store.findIgnoredFingerprint(INST, REPO, key.fingerprint)).toMatchObject({
          repo: REPO,
          reason: "fixture, revoked",
          ignoredBy: "carol",
        });
        expect(await store.listIgnoredFingerprints(INST, REPO)).toHaveLength(2);
        expect(await store.listIgnoredFingerprints(INST)).toHaveLength(1);
        expect(await store.findIgnoredFingerprint(INST + 1, REPO, key.fingerprint)).toBeNull();
        expect(await store.unignoreFingerprint(INST, null, key.fingerprint)).toBe(true);
        expect(await store.unignoreFingerprint(INST, null, key.fingerprint)).toBe(false);
        expect(await store.listIgnoredFingerprints(INST, REPO)).toHaveLength(1);
      });

      it("requires a reason", async () => {
        await expect(
          store.ignoreFingerprint({
            installationId: INST,
            repo: null,
            fingerprint: testKey().fingerprint,
            reason: "  ",
            by: "a",
          }),
        ).rejects.toThrow(/needs a reason .*To resolve/);
      });
    });

    describe("governance issues", () => {
      it("saves one issue per key and kind, keeping a snooze across rewrites", async () => {
        const write = {
          installationId: INST,
          keyId: "key_1",
          kind: "rotation",
          repo: "acme/.github",
          number: 4,
          state: "open" as const,
          contentHash: "h1",
        };
        await store.saveGovernanceIssue(write);
        const until = new Date(clock + 86_400_000);
        expect(await store.snoozeGovernanceIssue(INST, "key_1", "rotation", until)).toMatchObject({
          snoozedUntil: until,
        });
        const rewritten = await store.saveGovernanceIssue({ ...write, contentHash: "h2", state: "closed" });
        expect(rewritten).toMatchObject({
          contentHash: "h2",
          state: "closed",
          snoozedUntil: until,
          number: 4,
        });
        await store.saveGovernanceIssue({ ...write, kind: "least_privilege", number: 5 });
        expect(await store.listGovernanceIssues(INST)).toHaveLength(2);
        expect(await store.listGovernanceIssues(INST, { state: "open" })).toMatchObject([
          { kind: "least_privilege" },
        ]);
        expect(await store.listGovernanceIssues(INST, { kind: "rotation" })).toHaveLength(1);
        expect(await store.getGovernanceIssue(INST, "key_2", "rotation")).toBeNull();
        expect(await store.snoozeGovernanceIssue(INST, "key_2", "rotation", until)).toBeNull();
        expect(await store.snoozeGovernanceIssue(INST, "key_1", "rotation", null)).toMatchObject({
          snoozedUntil: null,
        });
      });
    });

    describe("command audit", () => {
      it("records who ran what, where, and how it went", async () => {
        const record = await store.recordCommand({
          installationId: INST,
          repo: REPO,
          number: 12,
          actor: "alice",
          command: "ignore",
          args: ["sha256:abc", "test fixture"],
          outcome: "applied",
          at: new Date(clock),
        });
        expect(record).toMatchObject({
          actor: "alice",
          command: "ignore",
          args: ["sha256:abc", "test fixture"],
          at: new Date(clock),
        });
        await store.recordCommand({
          installationId: INST,
          repo: REPO,
          number: 13,
          actor: "mallory",
          command: "ignore",
          args: [],
          outcome: "denied: needs write access",
        });
        expect(await store.listCommands({ installationId: INST, repo: REPO, number: 12 })).toEqual([record]);
        expect(await store.listCommands({ installationId: INST })).toHaveLength(2);
      });
    });

    describe("secrets", () => {
      it("refuses a key wherever a fingerprint, redacted form, location or payload is expected", async () => {
        const key = testKey();
        const { raw } = key;
        const misuse: [string, () => Promise<unknown>][] = [
          [
            "fingerprint",
            () =>
              store.upsertIncident({
                installationId: INST,
                fingerprint: raw,
                kind: "moltbook_api_key",
                redacted: key.redacted,
              }),
          ],
          [
            "redacted",
            () =>
              store.upsertIncident({
                installationId: INST,
                fingerprint: key.fingerprint,
                kind: "moltbook_api_key",
                redacted: raw,
              }),
          ],
          [
            "sighting fingerprint",
            () =>
              store.recordSighting({
                installationId: INST,
                fingerprint: raw,
                repo: REPO,
                path: "a",
                line: 1,
                column: 1,
                encoding: "plain",
                source: "push",
              }),
          ],
          [
            "job payload",
            () => store.enqueueJob({ kind: "scan_push", dedupeKey: "k", payload: { body: `token=${raw}` } }),
          ],
          ["dedupe key", () => store.enqueueJob({ kind: "scan_push", dedupeKey: raw, payload: {} })],
          [
            "ignore fingerprint",
            () =>
              store.ignoreFingerprint({
                installationId: INST,
                repo: null,
                fingerprint: raw,
                reason: "x",
                by: "a",
              }),
          ],
          [
            "owned object key",
            () =>
              store.claimOwnedObject(
                { installationId: INST, repo: REPO, kind: "incident_issue", key: raw },
                "w",
              ),
          ],
          ["lease name", () => store.acquireLease(raw, "w", 1_000)],
          [
            "key id",
            () =>
              store.saveGovernanceIssue({
                installationId: INST,
                keyId: raw,
                kind: "rotation",
                repo: REPO,
                number: 1,
                state: "open",
                contentHash: null,
              }),
          ],
          ["installation login", () => store.upsertInstallation({ id: 1, accountLogin: raw })],
        ];
        for (const [what, attempt] of misuse) {
          await expect(attempt(), what).rejects.toThrow(/To resolve/);
        }
        const { incident } = await store.upsertIncident({
          installationId: INST,
          fingerprint: key.fingerprint,
          kind: "moltbook_api_key",
          redacted: key.redacted,
        });
        await expect(
          store.recordSighting({
            installationId: INST,
            fingerprint: key.fingerprint,
            repo: REPO,
            path: `keys/${raw}.txt`,
            line: 1,
            column: 1,
            encoding: "plain",
            source: "push",
          }),
        ).rejects.toThrow(/store refused a value that contains a Moltbook key/);
        await expect(
          store.recordSighting({
            installationId: INST,
            fingerprint: key.fingerprint,
            repo: REPO,
            path: "a",
            line: 1,
            column: 1,
            encoding: "plain",
            source: "push",
            evidenceUrl: `https://example.test/?k=${raw}`,
          }),
        ).rejects.toThrow(/store refused a value/);
        expect(incident.redacted).toBe(key.redacted);
        if (database.contents)
          expect(await database.contents()).not.toContain(raw.slice("moltbook_sk_".length));
      });

      it("refuses a developer key and an encoded key, but keeps a name that only starts like one", async () => {
        const dev = randomDevKey();
        const api = testKey().raw;
        await expect(
          store.enqueueJob({ kind: "scan_push", dedupeKey: "d", payload: { note: `app=${dev}` } }),
        ).rejects.toThrow(/refused.*To resolve/i);
        await expect(
          store.enqueueJob({
            kind: "scan_push",
            dedupeKey: "e",
            payload: { blob: Buffer.from(`KEY=${api}\n`).toString("base64") },
          }),
        ).rejects.toThrow(/refused.*To resolve/i);
        const branch = "moltdev_feature_rotate_keys_weekly";
        await store.enqueueJob({
          kind: "scan_push",
          dedupeKey: "f",
          payload: { ref: `refs/heads/${branch}` },
        });
        if (database.contents) {
          const contents = await database.contents();
          expect(contents).toContain(branch);
          expect(contents).not.toContain(dev.slice("moltdev_".length));
        }
      });

      it("keeps free text with any key in it redacted", async () => {
        const key = testKey();
        await store.upsertIncident({
          installationId: INST,
          fingerprint: key.fingerprint,
          kind: "moltbook_api_key",
          redacted: key.redacted,
        });
        const failed = await store.updateIncident(INST, key.fingerprint, {
          state: "revoke_failed",
          lastError: `upstream echoed ${key.raw}`,
        });
        expect(failed?.lastError).toBe(`upstream echoed ${key.redacted}`);
        const { job } = await store.enqueueJob({ kind: "k", dedupeKey: "d", payload: {} });
        await store.failJob(job.id, `boom ${key.raw}`, null);
        expect((await store.getJob(job.id))?.lastError).toBe(`boom ${key.redacted}`);
        const command = await store.recordCommand({
          installationId: INST,
          repo: REPO,
          number: 1,
          actor: "a",
          command: "ignore",
          args: [key.raw],
          outcome: `invalid: ${key.raw} is a key`,
        });
        expect(command.args).toEqual([key.redacted]);
        expect(command.outcome).toBe(`invalid: ${key.redacted} is a key`);
        const ignored = await store.ignoreFingerprint({
          installationId: INST,
          repo: null,
          fingerprint: key.fingerprint,
          reason: `was ${key.raw}`,
          by: "a",
        });
        expect(ignored.reason).toBe(`was ${key.redacted}`);

        if (database.contents) {
          const contents = await database.contents();
          expect(contents).toContain(key.fingerprint);
          expect(contents).not.toContain(key.raw);
          expect(contents).not.toContain(key.raw.slice("moltbook_sk_".length));
        }
      });
    });
  });
}
