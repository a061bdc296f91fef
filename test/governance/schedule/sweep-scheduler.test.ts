import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { GovernanceDeps } from "../../../src/governance/governance-deps.js";
import { SweepScheduler } from "../../../src/governance/schedule/sweep-scheduler.js";
import { sweepJitterMs } from "../../../src/governance/schedule/sweep-slot.js";
import { openStore, type Store } from "../../../src/store/index.js";

const DAY = 86_400_000;
let store: Store;
let now: number;

function scheduler(): SweepScheduler {
  const deps: GovernanceDeps = {
    store,
    moltbook: {} as GovernanceDeps["moltbook"],
    log: pino({ level: "silent" }),
    holder: "test",
    now: () => now,
    // No GitHub here: the schedule falls back to the default (daily, 60 minutes of jitter).
    octokitFor: () => Promise.reject(new Error("offline")),
    enqueue: (job) => store.enqueueJob(job),
  };
  return new SweepScheduler(deps);
}

beforeEach(async () => {
  store = await openStore(":memory:");
  now = Date.now();
});
afterEach(async () => {
  await store.close();
});

describe("SweepScheduler.tick", () => {
  it("asks once per slot for a sweep of each installation that is due, whatever the number of instances", async () => {
    await store.upsertInstallation({ id: 1, accountLogin: "acme" });
    await store.upsertInstallation({ id: 2, accountLogin: "globex" });
    await store.markInstallationSwept(1, new Date(now - 2 * DAY));
    await store.markInstallationSwept(2, new Date(now));

    const [a, b] = [scheduler(), scheduler()];
    expect(await a.tick()).toBe(1);
    expect(await b.tick()).toBe(1);
    const jobs = await store.listJobs({ kind: "governance_sweep" });
    expect(jobs).toHaveLength(1);
    expect(jobs[0].payload).toEqual({ installationId: 1, trigger: "schedule" });
    expect(jobs[0].dedupeKey).toMatch(/^governance-sweep:1:slot:24h:\d+$/);
  });

  it("leaves a new installation to the sweep its install asked for", async () => {
    await store.upsertInstallation({ id: 3, accountLogin: "initech" });
    expect(await scheduler().tick()).toBe(0);
  });

  it("asks again in the next slot, at the installation's own minute", async () => {
    await store.upsertInstallation({ id: 4, accountLogin: "umbrella" });
    const s = scheduler();
    const nextSlot = Math.floor((now - sweepJitterMs(4, 60)) / DAY + 1) * DAY + sweepJitterMs(4, 60);
    await store.markInstallationSwept(4, new Date(now));
    now = nextSlot - 1;
    expect(await s.tick()).toBe(0);
    now = nextSlot;
    expect(await s.tick()).toBe(1);
  });

  it("uses a schedule a sweep remembered", async () => {
    await store.upsertInstallation({ id: 5, accountLogin: "hooli" });
    await store.markInstallationSwept(5, new Date(now - 7 * 3_600_000));
    const s = scheduler();
    s.remember(5, { intervalHours: 6, jitterMinutes: 0 });
    expect(await s.tick()).toBe(1);
    expect((await store.listJobs())[0].dedupeKey).toMatch(/:slot:6h:\d+$/);
  });
});
