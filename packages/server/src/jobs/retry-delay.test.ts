import { describe, expect, it } from "vitest";
import { defaultRetryPolicy, retryDelayMs } from "./retry-delay.js";

describe("retryDelayMs", () => {
  const policy = { baseMs: 1000, maxMs: 60_000 };

  it("doubles with each failed attempt, between half and all of the ceiling", () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, policy, 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, policy, 0.999_999))).toEqual([1000, 2000, 4000, 8000]);
  });

  it("never waits longer than the cap, however many attempts failed", () => {
    expect(retryDelayMs(7, policy, 0.999_999)).toBe(60_000);
    expect(retryDelayMs(1000, policy, 0.999_999)).toBe(60_000);
    expect(retryDelayMs(1000, policy, 0)).toBe(30_000);
  });

  it("spreads jobs that failed together", () => {
    const delays = new Set(Array.from({ length: 20 }, (_, i) => retryDelayMs(3, policy, i / 20)));
    expect(delays.size).toBe(20);
  });

  it("by default spans about twenty minutes over eight attempts", () => {
    const worst = Array.from({ length: 7 }, (_, i) => retryDelayMs(i + 1, defaultRetryPolicy, 0.999_999));
    expect(worst.reduce((a, b) => a + b, 0)).toBe(1_270_000);
  });
});
