import type { Logger } from "pino";
import type { MoltbookClient } from "../moltbook/index.js";
import type { Octokit } from "../sources/github/octokit.js";
import type { NewJob, Store } from "../store/index.js";

/** What governance sweeps, commands and dashboard actions need from the running app. */
export interface GovernanceDeps {
  store: Store;
  moltbook: Pick<MoltbookClient, "keys" | "key" | "revoke" | "adminFingerprint">;
  log: Logger;
  /** This instance's name for leases and claims; unique per instance, even in one process. */
  holder: string;
  now: () => number;
  /** An installation-authenticated Octokit. */
  octokitFor: (installationId: number) => Promise<Octokit>;
  /** Records a durable job and wakes the worker. */
  enqueue: (job: NewJob) => Promise<unknown>;
}
