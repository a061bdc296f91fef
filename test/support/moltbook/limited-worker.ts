// A separate process for the clustered rate-limit test: one client, its own limiter, the same budget
// through Redis. Configured by environment; prints one JSON line with what it got.
import { createMoltbookClient } from "../../../src/moltbook/client.js";

const env = process.env;
const client = createMoltbookClient({
  baseUrl: env.SIM_URL!,
  adminKey: env.SIM_ADMIN_KEY!,
  redisUrl: env.REDIS_URL || undefined,
  limiterId: env.LIMITER_ID,
  rateLimit: { limit: Number(env.LIMIT), windowMs: Number(env.WINDOW_MS) },
  retries: 0,
});
const ids = env.KEY_IDS!.split(",");
const results = await Promise.allSettled(ids.map((id) => client.key(id)));
await client.close();
const failed = results
  .filter((r) => r.status === "rejected")
  .map((r) => (r.reason as { code?: string }).code ?? "error");
console.log(JSON.stringify({ ok: results.length - failed.length, failed }));
