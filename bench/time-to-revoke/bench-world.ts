// The bench's world on loopback: a Moltbook simulator holding one fresh key per event, the GitHub
// stand-in with injected latency (both in this process), and the real app in a process of its own.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimulator, type RunningSimulator } from "../../src/moltbook/index.js";
import { openStore, type Store } from "../../src/store/index.js";
import { startGitHubStandIn, type GitHubStandIn } from "../../test/support/github/index.js";
import { randomKey } from "../../test/support/moltbook/random-key.js";
import { startAppProcess, type AppProcess, type AppProcessOptions } from "./start-app-process.js";

export interface BenchWorldOptions {
  /** Live org keys to create (raw keys made here, at run time). */
  keys: number;
  githubLatencyMs: number;
  moltbookLatencyMs: number;
  /** Keep Probot's write throttling (1 s between writes, 3 s between comments per installation). */
  throttle: boolean;
}

export interface BenchWorld {
  moltbook: RunningSimulator;
  github: GitHubStandIn;
  app: AppProcess;
  /** The app's database, opened here too to see when its jobs are done. */
  store: Store;
  /** The raw live keys, one per event; never printed. */
  liveKeys: string[];
  stop(): Promise<void>;
}

// The contract allows 100 calls per 60 s, which would throttle 200 events: the simulator and the
// app's client (MOLTBOOK_RATE_LIMIT_PER_MINUTE) both allow far more, so the bench measures latency,
// not the limit (said in the bench's output).
export const RATE_LIMIT_PER_MINUTE = 1_000_000;

export async function startBenchWorld(options: BenchWorldOptions): Promise<BenchWorld> {
  const liveKeys = Array.from({ length: options.keys }, () => randomKey());
  const adminKey = randomKey();
  const moltbook = await startSimulator({
    port: 0,
    adminKey,
    state: {
      keys: liveKeys.map((key, i) => ({
        key,
        name: `bench agent ${i + 1}`,
        scopes: ["agents:read", "posts:write"],
        owner: { github_login: "dev" },
      })),
    },
    rateLimit: { limit: RATE_LIMIT_PER_MINUTE, windowMs: 60_000 },
    faults: options.moltbookLatencyMs > 0 ? { latency: { fixedMs: options.moltbookLatencyMs } } : {},
  });
  const github = await startGitHubStandIn({ latencyMs: options.githubLatencyMs });
  const dir = await mkdtemp(join(tmpdir(), "guard-bench-"));
  const appOptions: AppProcessOptions = {
    githubHost: github.host,
    moltbookUrl: moltbook.url,
    adminKey,
    databaseFile: join(dir, "guard.db"),
    logFile: join(dir, "app.log"),
    throttle: options.throttle,
    moltbookRateLimitPerMinute: RATE_LIMIT_PER_MINUTE,
  };
  const app = await startAppProcess(appOptions);
  const store = await openStore(`file:${appOptions.databaseFile}`);
  const world: BenchWorld = {
    moltbook,
    github,
    liveKeys,
    app,
    store,
    async stop() {
      await world.app.stop();
      await store.close();
      await github.stop();
      await moltbook.stop();
    },
  };
  return world;
}
