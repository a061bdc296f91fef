import { createHash } from "node:crypto";

export interface SweepSlot {
  /** Slots since the epoch, counted from this installation's jitter. */
  index: number;
  /** When the slot began, ms since the epoch. */
  start: number;
}

/**
 * A fixed offset in [0, jitterMinutes) per installation, from a hash of its id: the same on every
 * instance and after every restart, and spread evenly, so a thousand installations do not sweep
 * in the same second and two instances agree on each installation's sweep time.
 */
export function sweepJitterMs(installationId: number, jitterMinutes: number): number {
  if (jitterMinutes <= 0) return 0;
  const word = createHash("sha256").update(`sweep:${installationId}`).digest().readUInt32BE(0);
  return Math.floor((word / 2 ** 32) * jitterMinutes * 60_000);
}

/** The slot `now` falls in: slots are `intervalMs` long and begin at `k * intervalMs + jitterMs`. */
export function sweepSlot(nowMs: number, intervalMs: number, jitterMs: number): SweepSlot {
  const index = Math.floor((nowMs - jitterMs) / intervalMs);
  return { index, start: index * intervalMs + jitterMs };
}

/**
 * Due when nothing swept the installation since its current slot began: at most one scheduled
 * sweep per interval, at a stable time of day, and a slot missed while the app was down is made
 * up at once. A sweep on demand counts too, so it postpones the scheduled one to the next slot.
 * A new installation's reference is when it was recorded (its install already asked for a sweep).
 */
export function isSweepDue(
  reference: Date,
  nowMs: number,
  schedule: { intervalHours: number; jitterMinutes: number },
  installationId: number,
): { due: boolean; slot: SweepSlot } {
  const slot = sweepSlot(
    nowMs,
    schedule.intervalHours * 3_600_000,
    sweepJitterMs(installationId, schedule.jitterMinutes),
  );
  return { due: reference.getTime() < slot.start, slot };
}
