import type { Logger } from "pino";

/** A job as the worker sees it: the store owns its durable form. */
export interface ClaimedJob {
  id: number;
  kind: string;
  payload: unknown;
  attempts: number;
}

/** The part of the store the worker needs. */
export interface JobQueue {
  claimNextJob(workerId: string, leaseMs: number): Promise<ClaimedJob | null>;
  renewJobLease(id: number, workerId: string, leaseMs: number): Promise<boolean>;
  completeJob(id: number): Promise<void>;
  failJob(id: number, error: string, retryAt: Date | null): Promise<void>;
}

export type JobHandler = (job: ClaimedJob) => Promise<void>;

export interface JobWorkerOptions {
  queue: JobQueue;
  handlers: Record<string, JobHandler>;
  log: Logger;
  workerId: string;
  /** A job whose worker died is claimed again after this long; live workers renew their leases. */
  leaseMs?: number;
  concurrency?: number;
  /** How often to look for jobs that became runnable (retries, other instances' leftovers). */
  pollMs?: number;
  maxAttempts?: number;
}

/**
 * Runs durable jobs in this process: at once when `notify()` is called after an enqueue, and on a
 * timer for retries and for jobs left unfinished by a crash or by another instance.
 */
export class JobWorker {
  readonly #o: Required<JobWorkerOptions>;
  readonly #running = new Set<Promise<void>>();
  #timer: NodeJS.Timeout | undefined;
  #stopped = true;
  #pumping = false;
  #again = false;

  constructor(options: JobWorkerOptions) {
    // Jobs wait on the network, not the CPU, and a job whose GitHub writes wait on Probot's write
    // throttle must not keep the next leak's revocation waiting for a slot: so, many slots.
    this.#o = { leaseMs: 60_000, concurrency: 64, pollMs: 2_000, maxAttempts: 8, ...options };
  }

  start(): void {
    this.#stopped = false;
    this.#timer = setInterval(() => this.notify(), this.#o.pollMs);
    this.#timer.unref();
    this.notify();
  }

  /** Look for work now. Cheap to call often: concurrent calls coalesce. */
  notify(): void {
    if (this.#stopped) return;
    if (this.#pumping) {
      this.#again = true;
      return;
    }
    this.#pumping = true;
    void this.#pump().finally(() => {
      this.#pumping = false;
      if (this.#again) {
        this.#again = false;
        this.notify();
      }
    });
  }

  /** Stops claiming and waits for the jobs in flight. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await Promise.allSettled([...this.#running]);
  }

  async #pump(): Promise<void> {
    while (!this.#stopped && this.#running.size < this.#o.concurrency) {
      let job: ClaimedJob | null;
      try {
        job = await this.#o.queue.claimNextJob(this.#o.workerId, this.#o.leaseMs);
      } catch (error) {
        this.#o.log.error({ err: error }, "could not claim a job; will try again");
        return;
      }
      if (!job) return;
      const run = this.#run(job).finally(() => {
        this.#running.delete(run);
        this.notify();
      });
      this.#running.add(run);
    }
  }

  async #run(job: ClaimedJob): Promise<void> {
    const log = this.#o.log.child({ job: job.id, kind: job.kind });
    const handler = this.#o.handlers[job.kind];
    const heartbeat = setInterval(() => {
      this.#o.queue.renewJobLease(job.id, this.#o.workerId, this.#o.leaseMs).catch((error: unknown) => {
        log.warn({ err: error }, "could not renew the job's lease; another worker may take it over");
      });
    }, this.#o.leaseMs / 3);
    heartbeat.unref();
    try {
      if (!handler)
        throw new Error(
          `No handler for job kind "${job.kind}". To resolve, upgrade every instance to the same version.`,
        );
      await handler(job);
      await this.#o.queue.completeJob(job.id);
      log.debug("job done");
    } catch (error) {
      const attempts = job.attempts + 1;
      const retryAt = attempts >= this.#o.maxAttempts ? null : new Date(Date.now() + backoffMs(attempts));
      log.error(
        { err: error, attempts, retryAt },
        retryAt ? "job failed; will retry" : "job failed for good",
      );
      await this.#o.queue.failJob(job.id, errorMessage(error), retryAt).catch((e: unknown) => {
        log.error(
          { err: e },
          "could not record the job failure; its lease will expire and it will run again",
        );
      });
    } finally {
      clearInterval(heartbeat);
    }
  }
}

/** 2 s, 4 s, 8 s … capped at 10 minutes, with jitter so retries of a burst spread out. */
export function backoffMs(attempt: number): number {
  const base = Math.min(2_000 * 2 ** (attempt - 1), 600_000);
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
