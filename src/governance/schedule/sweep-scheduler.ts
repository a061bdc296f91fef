import { DEFAULT_CONFIG } from "../../config/index.js";
import type { GovernanceDeps } from "../governance-deps.js";
import { loadGovernanceSettings } from "../sweep/load-governance-settings.js";
import { sweepJob } from "../sweep/sweep-job.js";
import { isSweepDue } from "./sweep-slot.js";

export interface Schedule {
  intervalHours: number;
  jitterMinutes: number;
}

export interface SweepSchedulerOptions {
  /** How often to look for due sweeps. Default 5 minutes. */
  tickMs?: number;
  /** How long an installation's schedule (from its config) is reused. Default 6 hours. */
  scheduleTtlMs?: number;
}

const DEFAULT_SCHEDULE: Schedule = {
  intervalHours: DEFAULT_CONFIG.governance.schedule.interval_hours,
  jitterMinutes: DEFAULT_CONFIG.governance.schedule.jitter_minutes,
};

/**
 * The in-process timer that asks for scheduled sweeps. Each tick, every known installation whose
 * current slot (its `governance.schedule`, offset by its own jitter) began after its last sweep
 * gets a sweep job keyed by that slot: every instance runs this timer, and the shared key makes
 * their requests one job. The job, not the timer, does the work, so a crash loses nothing.
 */
export class SweepScheduler {
  readonly #deps: GovernanceDeps;
  readonly #tickMs: number;
  readonly #ttlMs: number;
  readonly #schedules = new Map<number, { schedule: Schedule; at: number }>();
  #timer: NodeJS.Timeout | undefined;
  #ticking: Promise<number> | null = null;

  constructor(deps: GovernanceDeps, options: SweepSchedulerOptions = {}) {
    this.#deps = deps;
    this.#tickMs = options.tickMs ?? 5 * 60_000;
    this.#ttlMs = options.scheduleTtlMs ?? 6 * 3_600_000;
  }

  start(): void {
    this.#timer = setInterval(() => void this.tick(), this.#tickMs);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** A sweep just read the installation's config: reuse its schedule. */
  remember(installationId: number, schedule: Schedule): void {
    this.#schedules.set(installationId, { schedule: { ...schedule }, at: this.#deps.now() });
  }

  /** Enqueues every due sweep; resolves to how many jobs were asked for. Overlapping calls share one run. */
  tick(): Promise<number> {
    this.#ticking ??= this.#tick().finally(() => (this.#ticking = null));
    return this.#ticking;
  }

  async #tick(): Promise<number> {
    const { store, log } = this.#deps;
    let asked = 0;
    try {
      for (const installation of await store.listInstallations()) {
        const now = this.#deps.now();
        const schedule = await this.#scheduleOf(installation.id, installation.accountLogin);
        const reference = installation.lastSweepAt ?? installation.createdAt;
        const { due, slot } = isSweepDue(reference, now, schedule, installation.id);
        if (!due) continue;
        await this.#deps.enqueue(
          sweepJob(installation.id, "schedule", { slot: `${schedule.intervalHours}h:${slot.index}` }),
        );
        asked++;
      }
    } catch (error) {
      log.error({ err: error }, "could not look for due governance sweeps; will try again at the next tick");
    }
    return asked;
  }

  async #scheduleOf(installationId: number, account: string): Promise<Schedule> {
    const cached = this.#schedules.get(installationId);
    if (cached && this.#deps.now() - cached.at < this.#ttlMs) return cached.schedule;
    let schedule = DEFAULT_SCHEDULE;
    try {
      schedule = (await loadGovernanceSettings(await this.#deps.octokitFor(installationId), account))
        .schedule;
    } catch (error) {
      this.#deps.log.debug(
        { err: error, installation: installationId },
        "schedule unreadable; using the default",
      );
    }
    this.remember(installationId, schedule);
    return schedule;
  }
}
