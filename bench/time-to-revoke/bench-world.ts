// The bench's world on loopback: a Moltbook simulator holding one fresh key per event, the GitHub
// stand-in with injected latency, and the real app, restartable.
import { startSimulator, type RunningSimulator } from "../../src/moltbook/index.js";
import { startTestApp, type TestApp, type TestAppOptions } from "../../test/support/app/start-test-app.js";
import { startGitHubStandIn, type GitHubStandIn } from "../../test/support/github/index.js";
import { makeKey } from "../../test/support/keys.js";
import { UnthrottledOctokit } from "./unthrottled-octokit.js";

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
  app: TestApp;
  /** The raw live keys, one per event; printed only in redacted form. */
  liveKeys: string[];
  /** A fresh app process state (new Moltbook client, empty token cache) on the same database. */
  restartApp(): Promise<void>;
  stop(): Promise<void>;
}

// The contract allows 100 calls per 60 s; the simulator is told to allow far more so the bench
// measures latency, not the limit (said in the bench's output).
const UNLIMITED = { limit: 1_000_000, windowMs: 60_000 };

export async function startBenchWorld(options: BenchWorldOptions): Promise<BenchWorld> {
  const liveKeys = Array.from({ length: options.keys }, () => makeKey());
  const adminKey = makeKey();
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
    rateLimit: UNLIMITED,
    faults: options.moltbookLatencyMs > 0 ? { latency: { fixedMs: options.moltbookLatencyMs } } : {},
  });
  const github = await startGitHubStandIn({ latencyMs: options.githubLatencyMs });
  const appOptions: TestAppOptions = {
    githubHost: github.host,
    moltbookUrl: moltbook.url,
    adminKey,
    logLevel: "info",
    Octokit: options.throttle ? undefined : UnthrottledOctokit,
  };
  const world: BenchWorld = {
    moltbook,
    github,
    liveKeys,
    app: await startTestApp(appOptions),
    async restartApp() {
      await world.app.stop();
      world.app = await startTestApp({ ...appOptions, databaseFile: world.app.databaseFile });
    },
    async stop() {
      await world.app.stop();
      await github.stop();
      await moltbook.stop();
    },
  };
  return world;
}
