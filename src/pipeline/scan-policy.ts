import type { Policy } from "../config/index.js";

/** The repository's compiled policy, and what was wrong with its file (shown on the check run). */
export type ScanPolicy = Policy & {
  /** Field errors from validation; defaults applied for them. */
  readonly configErrors: readonly string[];
};
