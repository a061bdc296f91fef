import { describe, expect, it } from "vitest";
import { isSweepDue, sweepJitterMs, sweepSlot } from "../../../src/governance/schedule/sweep-slot.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const daily = { intervalHours: 24, jitterMinutes: 60 };

describe("sweepJitterMs", () => {
  it("is the same for an installation every time, within [0, jitter)", () => {
    for (const id of [1, 2, 42, 99_999_999]) {
      const j = sweepJitterMs(id, 60);
      expect(j).toBe(sweepJitterMs(id, 60));
      expect(j).toBeGreaterThanOrEqual(0);
      expect(j).toBeLessThan(60 * 60_000);
    }
    expect(sweepJitterMs(7, 0)).toBe(0);
  });

  it("spreads a thousand installations over the window", () => {
    const minutes = new Set(
      Array.from({ length: 1000 }, (_, i) => Math.floor(sweepJitterMs(i + 1, 60) / 60_000)),
    );
    expect(minutes.size).toBe(60);
  });
});

describe("sweepSlot", () => {
  it("cuts time into interval-long slots starting at the jitter", () => {
    const jitter = 10 * 60_000;
    expect(sweepSlot(5 * DAY + jitter, DAY, jitter)).toEqual({ index: 5, start: 5 * DAY + jitter });
    expect(sweepSlot(5 * DAY + jitter - 1, DAY, jitter)).toEqual({ index: 4, start: 4 * DAY + jitter });
  });
});

describe("isSweepDue", () => {
  const id = 3;
  const jitter = sweepJitterMs(id, 60);
  const slotStart = 100 * DAY + jitter;

  it.each([
    ["swept before the slot began", slotStart - 1, slotStart + HOUR, true],
    ["swept in this slot (on demand or scheduled)", slotStart + 1, slotStart + HOUR, false],
    ["swept at the slot's first millisecond", slotStart, slotStart + 2 * HOUR, false],
    ["missed slots while the app was down: due once, at once", slotStart - 3 * DAY, slotStart + HOUR, true],
    ["a moment before the next slot", slotStart + 1, slotStart + DAY - 1, false],
    ["the next slot", slotStart + 1, slotStart + DAY, true],
  ])("%s", (_name, lastSweep, now, due) => {
    expect(isSweepDue(new Date(lastSweep), now, daily, id).due).toBe(due);
  });

  it("names the slot, so every instance asks for the same job", () => {
    const a = isSweepDue(new Date(0), slotStart + HOUR, daily, id);
    const b = isSweepDue(new Date(0), slotStart + 5 * HOUR, daily, id);
    expect(a.slot).toEqual(b.slot);
    expect(a.slot.start).toBe(slotStart);
  });

  it("follows a configured interval", () => {
    const sixHours = { intervalHours: 6, jitterMinutes: 0 };
    expect(isSweepDue(new Date(6 * HOUR), 12 * HOUR - 1, sixHours, id).due).toBe(false);
    expect(isSweepDue(new Date(6 * HOUR), 12 * HOUR, sixHours, id).due).toBe(true);
  });
});
