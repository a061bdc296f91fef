// One world per test file: the Moltbook simulator, the GitHub stand-in and the real app, on loopback.
import { startSimulator, type RunningSimulator } from "../../../src/moltbook/index.js";
import { startGitHubStandIn, deliver, type GitHubStandIn } from "../github/index.js";
import { settle, startTestApp, type TestApp, type TestAppOptions } from "./start-test-app.js";

export interface TestWorld {
  moltbook: RunningSimulator;
  github: GitHubStandIn;
  app: TestApp;
  /** Every line the app logged, across restarts. */
  logLines: string[];
  /** Delivers a signed webhook and waits for the jobs it caused to finish. */
  send(event: string, payload: unknown, options?: { id?: string; settle?: boolean }): Promise<number>;
  restartApp(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestWorld(
  options: { simulator?: Parameters<typeof startSimulator>[0]; app?: Partial<TestAppOptions> } = {},
): Promise<TestWorld> {
  const moltbook = await startSimulator({ port: 0, keys: 12, ...options.simulator });
  const github = await startGitHubStandIn();
  const logLines: string[] = [];
  const appOptions: TestAppOptions = {
    logLines,
    githubHost: github.host,
    moltbookUrl: moltbook.url,
    adminKey: moltbook.handout.adminKey!,
    ...options.app,
  };
  const world: TestWorld = {
    moltbook,
    github,
    logLines,
    app: await startTestApp(appOptions),
    async send(event, payload, sendOptions = {}) {
      const status = await deliver(world.app.url, {
        event,
        payload,
        secret: world.app.secret,
        id: sendOptions.id,
      });
      if (sendOptions.settle !== false) await settle(world.app.services);
      return status;
    },
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
