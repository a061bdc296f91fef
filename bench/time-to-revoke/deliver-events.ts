// Delivers the events as GitHub would, a few at a time, each after the app finished the one
// before it in its lane, so each event's time to revoke is its own and not a queue's.
import { fingerprint } from "../../src/detect/index.js";
import type { Store } from "../../src/store/index.js";
import { deliver } from "../../test/support/github/index.js";
import type { BenchWorld } from "./bench-world.js";
import type { LeakEvent } from "./leak-events.js";
import { performanceNow } from "./server-timings.js";

export interface Delivery {
  event: LeakEvent;
  /** Just before the webhook POST. */
  sentAt: number;
  /** When the app's jobs for this event were all finished (polled, so a little late). */
  doneAt: number;
  status: number;
  /** The simulator's revoked_at for the event's key (ms since epoch), null for a clean event. */
  revokedAt: number | null;
}

export interface DeliverOptions {
  concurrency: number;
  /** Clean events delivered first, unmeasured: the installation token, caches, JIT. */
  warmUps: LeakEvent[];
  onProgress?: (done: number) => void;
}

export async function deliverEvents(
  world: BenchWorld,
  events: LeakEvent[],
  options: DeliverOptions,
): Promise<Delivery[]> {
  for (const warm of options.warmUps) await deliverOne(world, warm);
  const deliveries: Delivery[] = [];
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < events.length; i = next++) {
      deliveries.push(await deliverOne(world, events[i]));
      options.onProgress?.(deliveries.length);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, lane));
  return deliveries.sort((a, b) => a.event.index - b.event.index);
}

async function deliverOne(world: BenchWorld, event: LeakEvent): Promise<Delivery> {
  const { app } = world;
  const sentAt = performanceNow();
  const status = await deliver(app.url, { event: event.kind, payload: event.payload, secret: app.secret });
  if (status !== 200) {
    throw new Error(
      `The app answered ${status} to the ${event.kind} webhook of ${event.fullName} (bench). To resolve, run the integration tests.`,
    );
  }
  await jobsFinished(world.store, event.fullName, app.logFile);
  const doneAt = performanceNow();
  const record = event.key === null ? undefined : world.moltbook.state.byFingerprint(fingerprint(event.key));
  const revokedAt = record?.revoked_at ? Date.parse(record.revoked_at) : null;
  if (event.key !== null && revokedAt === null) {
    throw new Error(
      `The key leaked in ${event.fullName} was not revoked (bench). To resolve, run test/integration and read the app's log.`,
    );
  }
  return { event, sentAt, doneAt, status, revokedAt };
}

/** The webhook handler records the job before answering, so it exists by now; wait for it to end. */
async function jobsFinished(
  store: Store,
  fullName: string,
  logFile: string,
  timeoutMs = 600_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = [
      ...(await store.listJobs({ state: "pending" })),
      ...(await store.listJobs({ state: "running" })),
    ].filter((job) => (job.payload as { repo?: { fullName?: string } }).repo?.fullName === fullName);
    if (open.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `Jobs for ${fullName} still open after ${timeoutMs} ms (bench). To resolve, look for failing jobs in the app's log (${logFile}).`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
