import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "mg-procs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("two processes claiming from one SQLite file never take the same job", async () => {
  const file = join(dir, "jobs.db");
  const store = await openStore(`file:${file}`);
  const total = 150;
  for (let i = 0; i < total; i++)
    await store.enqueueJob({ kind: "k", dedupeKey: `job-${i}`, payload: { i } });

  const worker = fileURLToPath(new URL("./claim-worker.ts", import.meta.url));
  const startAt = String(Date.now() + 2_500);
  const outputs = await Promise.all(
    ["p1", "p2"].map((id) =>
      run(process.execPath, ["--import", "tsx", worker, file, id, startAt], { timeout: 25_000 }),
    ),
  );
  const [a, b] = outputs.map((o) => JSON.parse(o.stdout) as number[]);
  console.log(`claimed: p1 ${a.length}, p2 ${b.length}`);

  const all = [...a, ...b];
  expect(all).toHaveLength(total);
  expect(new Set(all).size).toBe(total);
  expect(await store.listJobs({ state: "done" })).toHaveLength(total);
  await store.close();
});
