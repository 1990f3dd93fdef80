import { describe, expect, it } from "vitest";
import {
  addHistograms,
  bucketLowerMs,
  bucketUpperMs,
  emptyHistogram,
  histogramQuantile,
  LATENCY_BUCKETS,
  latencyBucket,
} from "./latency-histogram.js";

function histogramOf(values: number[]): number[] {
  const h = emptyHistogram();
  for (const v of values) h[latencyBucket(v)] = (h[latencyBucket(v)] ?? 0) + 1;
  return h;
}

function exactQuantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] as number;
}

describe("latency buckets", () => {
  it("puts each latency in the bucket whose bounds hold it, bounds included below", () => {
    for (const ms of [0, 0.5, 1, 1.19, 1.2, 2, 3.7, 100, 1000, 1234.5, 60_000, 3_600_000]) {
      const i = latencyBucket(ms);
      expect(ms).toBeGreaterThanOrEqual(bucketLowerMs(i));
      expect(ms).toBeLessThan(bucketUpperMs(i));
    }
    for (let i = 1; i < LATENCY_BUCKETS - 1; i++) expect(latencyBucket(bucketLowerMs(i))).toBe(i);
  });

  it("counts negative, NaN and huge latencies in the first and last buckets", () => {
    expect(latencyBucket(-5)).toBe(0);
    expect(latencyBucket(Number.NaN)).toBe(0);
    expect(latencyBucket(1e12)).toBe(LATENCY_BUCKETS - 1);
  });

  it("reads p50 and p95 within one bucket width of the exact values", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const values = Array.from({ length: 5000 }, () => Math.exp(random() * 8));
    const h = histogramOf(values);
    for (const q of [0.5, 0.95, 0.99]) {
      const estimate = histogramQuantile(h, q) as number;
      const exact = exactQuantile(values, q);
      expect(Math.abs(estimate - exact) / exact).toBeLessThan(0.19);
    }
  });

  it("gives the same percentiles from summed per-minute histograms as from one over all values", () => {
    const minuteA = [5, 10, 20, 40];
    const minuteB = [80, 160, 320, 640, 1280];
    const summed = addHistograms(histogramOf(minuteA), histogramOf(minuteB));
    const whole = histogramOf([...minuteA, ...minuteB]);
    expect(summed).toEqual(whole);
    expect(histogramQuantile(summed, 0.5)).toBe(histogramQuantile(whole, 0.5));
    expect(histogramQuantile(summed, 0.5)).toBeGreaterThan(60);
    expect(histogramQuantile(summed, 0.5)).toBeLessThan(100);
  });

  it("has no percentile for an empty histogram and adds histograms of different lengths", () => {
    expect(histogramQuantile(emptyHistogram(), 0.5)).toBeNull();
    expect(addHistograms([1, 2], [1, 1, 3])).toEqual([2, 3, 3]);
  });
});
