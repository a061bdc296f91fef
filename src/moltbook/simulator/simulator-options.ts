import type { Logger } from "../logger.js";
import type { FaultController, FaultOptions } from "./faults.js";
import type { Handout } from "./sim-types.js";
import type { SimClock } from "./sim-clock.js";
import type { SimulatorState } from "./simulator-state.js";
import type { StateFile } from "./state-file.js";

export interface SimulatorOptions {
  /** Default 4010; 0 picks a free port. The server binds 127.0.0.1 only. */
  port?: number;
  /** Seed of the generated organisation (and of random faults). Default 1. */
  seed?: number;
  /** Size of the generated inventory, the governance key included. Default 40. */
  keys?: number;
  /** An exact state (a path to a JSON file, or the object) instead of a generated one. */
  state?: string | StateFile;
  /** Fixes the governance key (added with `adminScopes` if the state lacks it). */
  adminKey?: string;
  /** The governance key's scopes when the simulator creates it. Default keys:read, keys:revoke, audit:read. */
  adminScopes?: string[];
  /** The simulator's clock for key ages, expiry and audit times. Default: real time. */
  now?: () => Date;
  /** The contract's rate limit per key, in real time; shrink the window in tests. Default 100 per 60 s. */
  rateLimit?: { limit: number; windowMs: number };
  faults?: FaultOptions;
  /** Serve the control endpoint under /_control. Default false. */
  control?: boolean;
  /** Days of generated audit history. Default 14. */
  auditDays?: number;
  logger?: Logger;
}

export interface RunningSimulator {
  /** Base URL including /api/v1: what MOLTBOOK_API_URL should be. */
  url: string;
  port: number;
  state: SimulatorState;
  faults: FaultController;
  clock: SimClock;
  /** Raw keys to use: the governance key, a few live keys, a few keys of other organisations. */
  handout: Handout;
  stop(): Promise<void>;
}
