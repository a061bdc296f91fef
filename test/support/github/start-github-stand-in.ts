import { mkdtemp, rm, statfs } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildRouter } from "./build-router.js";
import { Faults } from "./faults.js";
import { GitHubStandIn } from "./github-stand-in.js";
import { handleRequest } from "./handle-request.js";
import { StandInState } from "./stand-in-state.js";

export interface GitHubStandInOptions {
  /** Default 0: any free port. */
  port?: number;
  appId?: number;
  /** Issues the app creates show `<appSlug>[bot]` as their author. Default "moltbook-guard". */
  appSlug?: string;
  appName?: string;
  /** Patches over this many bytes are left out of file lists, as GitHub does. Default 1 MiB. */
  maxPatchBytes?: number;
  /** Delay added to every call, e.g. 100 for a realistic round trip. Default 0. */
  latencyMs?: number;
  /** Where the git repositories live. Default: /dev/shm when it has room, else the OS temp dir. */
  tmpDir?: string;
}

/** Starts the stand-in on 127.0.0.1 (port 0: any free port). Call `stop()` when done. */
export async function startGitHubStandIn(options: GitHubStandInOptions = {}): Promise<GitHubStandIn> {
  const tmp = await mkdtemp(join(options.tmpDir ?? (await fastTmpDir()), "gh-stand-in-"));
  const state = new StandInState(tmp, {
    appId: options.appId ?? 1,
    appSlug: options.appSlug ?? "moltbook-guard",
    appName: options.appName ?? "Moltbook Guard",
    maxPatchBytes: options.maxPatchBytes ?? 1024 * 1024,
    latencyMs: options.latencyMs ?? 0,
  });
  const router = buildRouter();
  const faults = new Faults();
  const server = createServer((req, res) => {
    handleRequest(state, router, faults, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json; charset=utf-8" });
      res.end(
        JSON.stringify({
          message: `Stand-in error: ${error instanceof Error ? error.message : String(error)}`,
        }),
      );
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
    });
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw new Error(
      `Could not start the GitHub stand-in on 127.0.0.1:${options.port ?? 0}. To resolve, pick a free port or pass 0.`,
      { cause: error },
    );
  }
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return new GitHubStandIn(state, server, faults);
}

// Git writes one file per object: on a loaded machine a tmpfs makes a 400-file commit several
// times faster. A small /dev/shm (Docker's default is 64 MiB) is not worth the risk of filling it.
async function fastTmpDir(): Promise<string> {
  try {
    const fs = await statfs("/dev/shm");
    if (fs.bavail * fs.bsize >= 1024 ** 3) return "/dev/shm";
  } catch {
    // no /dev/shm here
  }
  return tmpdir();
}
