// A separate process claiming jobs from a shared SQLite file, for the cross-process test.
// Usage: node --import tsx claim-worker.ts <file> <workerId> <startAtMs>
import { setTimeout as sleep } from "node:timers/promises";
import { openStore } from "../../src/store/index.js";

const [file, workerId, startAt] = process.argv.slice(2);
const store = await openStore(`file:${file}`);
// Both workers start claiming at the same moment, whatever their start-up time was.
await sleep(Math.max(0, Number(startAt) - Date.now()));
const claimed: number[] = [];
for (
  let job = await store.claimNextJob(workerId, 60_000);
  job;
  job = await store.claimNextJob(workerId, 60_000)
) {
  claimed.push(job.id);
  // A little work, so the two processes interleave.
  await sleep(1);
  await store.completeJob(job.id);
}
await store.close();
process.stdout.write(JSON.stringify(claimed));
