import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { openSync, closeSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { appEnv, freePort } from "../../test/support/app/start-test-app.js";

export interface AppProcess {
  url: string;
  secret: string;
  /** The app's log (pino JSON lines). */
  logFile: string;
  stop(): Promise<void>;
}

export interface AppProcessOptions {
  githubHost: string;
  moltbookUrl: string;
  adminKey: string;
  databaseFile: string;
  logFile: string;
  throttle: boolean;
  /** MOLTBOOK_RATE_LIMIT_PER_MINUTE: the budget the app's Moltbook client allows itself. */
  moltbookRateLimitPerMinute: number;
}

const ENTRY = fileURLToPath(new URL("./app-process.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Starts app-process.ts under tsx and waits until Probot answers /ping. */
export async function startAppProcess(options: AppProcessOptions): Promise<AppProcess> {
  const port = await freePort();
  const secret = randomBytes(16).toString("hex");
  const log = openSync(options.logFile, "a");
  const child = spawn(process.execPath, ["--import", "tsx", ENTRY], {
    env: {
      PATH: process.env.PATH,
      ...appEnv({ ...options, port, secret }),
      LOG_LEVEL: "info",
      MOLTBOOK_RATE_LIMIT_PER_MINUTE: String(options.moltbookRateLimitPerMinute),
      NODE_ENV: "production",
      BENCH_THROTTLE: options.throttle ? "1" : "0",
    },
    cwd: ROOT,
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await fetch(`${url}/ping`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    const gone = await Promise.race([exited, new Promise((r) => setTimeout(() => r("running"), 100))]);
    if (gone !== "running" || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(
        `The app did not start (bench, exit ${String(gone)}). To resolve, read its log in ${options.logFile}.`,
      );
    }
  }
  return {
    url,
    secret,
    logFile: options.logFile,
    async stop() {
      if (child.exitCode !== null) return;
      // SIGTERM ends the process (it sets no handler); SIGKILL in case it does not.
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
