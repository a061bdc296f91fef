// Runs the real app in this process, as `npm start` would, against loopback stand-ins.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { run } from "probot";
import { createApp } from "../../../src/app.js";
import type { Services } from "../../../src/services.js";

export interface TestApp {
  url: string;
  secret: string;
  services: Services;
  databaseFile: string;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  githubHost: string;
  moltbookUrl: string;
  adminKey: string;
  /** Reuse a database (a restart); default a fresh SQLite file. */
  databaseFile?: string;
  env?: Record<string, string>;
  /** Every log line the app writes (JSON), for the "no raw key in any log" check. */
  logLines?: string[];
}

let privateKey: string | undefined;

/** An RSA key made at run time: the app signs its JWTs with it; the stand-in accepts any. */
function testPrivateKey(): string {
  privateKey ??= generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
    type: "pkcs1",
    format: "pem",
  }) as string;
  return privateKey;
}

/** Probot reads PORT=0 as 3000, so take a free port from the kernel first. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The environment `npm start` needs to run against loopback stand-ins. */
export function appEnv(options: {
  port: number;
  secret: string;
  githubHost: string;
  moltbookUrl: string;
  adminKey: string;
  databaseFile: string;
}): NodeJS.ProcessEnv {
  return {
    APP_ID: "1",
    PRIVATE_KEY: testPrivateKey(),
    WEBHOOK_SECRET: options.secret,
    PORT: String(options.port),
    HOST: "127.0.0.1",
    GHE_HOST: options.githubHost,
    GHE_PROTOCOL: "http",
    MOLTBOOK_API_URL: options.moltbookUrl,
    MOLTBOOK_ADMIN_KEY: options.adminKey,
    DATABASE_URL: `file:${options.databaseFile}`,
  };
}

export async function startTestApp(options: TestAppOptions): Promise<TestApp> {
  const port = await freePort();
  const secret = randomBytes(16).toString("hex");
  const databaseFile = options.databaseFile ?? join(await mkdtemp(join(tmpdir(), "guard-db-")), "guard.db");
  const env: NodeJS.ProcessEnv = {
    ...appEnv({ ...options, port, secret, databaseFile }),
    LOG_LEVEL: "trace",
    NODE_ENV: "test",
    ...options.env,
  };
  let services: Services | undefined;
  // Every level is logged and kept (or dropped), so the secrets check sees what production could print.
  const lines = options.logLines;
  const log = pino({ level: "trace" }, { write: (line: string) => void lines?.push(line) });
  const server = await run(createApp({ env, onReady: (s) => (services = s) }), {
    env,
    log,
  });
  return {
    url: `http://127.0.0.1:${port}`,
    secret,
    services: services!,
    databaseFile,
    async stop() {
      await services?.close();
      await server.stop();
    },
  };
}

/** Waits until every job is done or failed for good (the worker runs them at once). */
export async function settle(services: Services, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const jobs = await services.store.listJobs();
    const busy = jobs.filter(
      (j) => j.state === "running" || (j.state === "pending" && j.runAfter.getTime() <= Date.now()),
    );
    if (busy.length === 0) return;
    if (Date.now() > deadline)
      throw new Error(
        `Jobs still busy after ${timeoutMs} ms: ${busy.map((j) => `${j.kind}:${j.state}`).join(", ")}`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}
