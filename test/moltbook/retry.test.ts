import { describe, expect, it } from "vitest";
import { MoltbookError } from "../../src/moltbook/errors.js";
import { backoffDelay, withRetry } from "../../src/moltbook/retry.js";

const unavailable = (retryAfterMs?: number) =>
  new MoltbookError("unavailable", "down. To resolve, wait.", {
    operation: "GET /keys",
    status: 503,
    retryAfterMs,
  });

describe("withRetry", () => {
  it("backs off exponentially with jitter, within the ceiling", () => {
    const options = { retries: 5, baseMs: 100, maxMs: 1000 };
    expect(backoffDelay(0, { ...options, random: () => 0 })).toBe(50);
    expect(backoffDelay(0, { ...options, random: () => 0.999 })).toBeCloseTo(100, 0);
    expect(backoffDelay(3, { ...options, random: () => 0 })).toBe(400);
    expect(backoffDelay(10, { ...options, random: () => 1 })).toBe(1000);
  });

  it("retries retryable errors, honouring Retry-After, and stops at the limit", async () => {
    const slept: number[] = [];
    let n = 0;
    const result = await withRetry(
      async () => {
        if (n++ < 2) throw unavailable(n === 1 ? 3000 : undefined);
        return "ok";
      },
      { retries: 5, baseMs: 100, maxMs: 1000, random: () => 0, sleep: async (ms) => void slept.push(ms) },
    );
    expect(result).toBe("ok");
    expect(slept).toEqual([3000, 100]);
    await expect(
      withRetry(() => Promise.reject(unavailable()), {
        retries: 2,
        baseMs: 1,
        maxMs: 1,
        sleep: async () => {},
      }),
    ).rejects.toMatchObject({ code: "unavailable" });
  });

  it("does not retry errors that are not retryable", async () => {
    let attempts = 0;
    const forbidden = new MoltbookError("forbidden", "no. To resolve, grant.", {
      operation: "GET /keys",
      status: 403,
    });
    await expect(
      withRetry(() => (attempts++, Promise.reject(forbidden)), { retries: 5, baseMs: 1, maxMs: 1 }),
    ).rejects.toBe(forbidden);
    await expect(
      withRetry(() => (attempts++, Promise.reject(new TypeError("bug"))), {
        retries: 5,
        baseMs: 1,
        maxMs: 1,
      }),
    ).rejects.toThrow("bug");
    expect(attempts).toBe(2);
  });
});
