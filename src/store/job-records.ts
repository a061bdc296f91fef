// The durable outbox. Payloads hold ids and locations, never a key.

export type JobState = "pending" | "running" | "done" | "failed";

export interface Job {
  id: number;
  kind: string;
  dedupeKey: string;
  payload: unknown;
  state: JobState;
  /** Failed attempts so far. */
  attempts: number;
  /** Times the job was claimed: above `attempts` + 1 means a worker died holding it. */
  claims: number;
  runAfter: Date;
  leasedBy: string | null;
  leaseExpiresAt: Date | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

export interface NewJob {
  kind: string;
  /** A second enqueue with the same key returns the existing job, unless that job failed for good. */
  dedupeKey: string;
  /** JSON. Ids and locations only: a payload holding a key is refused. */
  payload: unknown;
  runAfter?: Date;
}

export interface JobFilter {
  state?: JobState;
  kind?: string;
}
