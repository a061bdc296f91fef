import type { Logger } from "pino";
import type { KeyRevoker } from "../act/revoke-leaked-keys.js";
import type { Octokit, RepoRef } from "../sources/github/octokit.js";
import type { NewJob, Store } from "../store/index.js";
import type { ScanPolicy } from "./scan-policy.js";

/** What a scan job needs besides its installation's Octokit. */
export interface ScanDeps {
  store: Store;
  revoker: KeyRevoker;
  log: Logger;
  /** This worker's name, for claims on GitHub objects. */
  holder: string;
  now: () => number;
  loadPolicy: (octokit: Octokit, repo: RepoRef) => Promise<ScanPolicy>;
  /** Enqueue follow-up work (retries, a PR re-render after a push) and wake the worker. */
  enqueue: (job: NewJob) => Promise<void>;
}
