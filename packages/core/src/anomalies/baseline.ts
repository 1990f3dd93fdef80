/**
 * A learned baseline of a series with weekly seasonality: for each of the 168 hours of the week (UTC,
 * Monday 00:00 is slot 0) the median of the values seen in that hour and their median absolute
 * deviation scaled by 1.4826, so that it estimates the standard deviation of normally distributed
 * data. See docs/anomaly-detection.md.
 */

/** Slots of the week: 7 days × 24 hours. */
export const HOURS_OF_WEEK = 168;
/** Scales a median absolute deviation to a standard deviation under normality. */
export const MAD_SCALE = 1.4826;

export interface BaselineOptions {
  /** Values a slot needs to stand on its own (default 3). */
  minSlotPoints: number;
  /** Hours either side a short slot borrows from (default 2: the slot and its four neighbours). */
  neighbourHours: number;
  /** Values all hours together need before any expectation is given (default 12). */
  minPoints: number;
  /** The spread is never below this (default 1, in the series' unit). */
  absoluteFloor: number;
  /** Nor below this share of the median (default 0.1). */
  relativeFloor: number;
}

export const defaultBaselineOptions: BaselineOptions = {
  minSlotPoints: 3,
  neighbourHours: 2,
  minPoints: 12,
  absoluteFloor: 1,
  relativeFloor: 0.1,
};

/** A point of a series. */
export interface SeriesPoint {
  at: Date;
  value: number;
}

/** What a baseline expects at a time, and from which values it learned that. */
export interface Expectation {
  median: number;
  /** 1.4826 × MAD, raised to the floor. */
  scale: number;
  /** The slot's own values, the slot with its neighbouring hours, or all hours. */
  source: "slot" | "neighbours" | "all";
  points: number;
}

export interface Baseline {
  /** The values of each hour of the week, sorted. */
  slots: number[][];
  /** All values, sorted. */
  all: number[];
  options: BaselineOptions;
}

/** The hour of the week of a time in UTC: 0 is Monday 00:00–00:59, 167 is Sunday 23:00–23:59. */
export function hourOfWeek(at: Date): number {
  return ((at.getUTCDay() + 6) % 7) * 24 + at.getUTCHours();
}

/** The median of sorted values (the mean of the middle two for an even count); NaN for none. */
export function medianOfSorted(sorted: readonly number[]): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = n >> 1;
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The median absolute deviation from `median`. */
export function medianAbsoluteDeviation(values: readonly number[], median: number): number {
  return medianOfSorted(values.map((value) => Math.abs(value - median)).sort((a, b) => a - b));
}

/** Learns a baseline from the points of a series. */
export function learnBaseline(points: readonly SeriesPoint[], options: Partial<BaselineOptions> = {}): Baseline {
  const slots: number[][] = Array.from({ length: HOURS_OF_WEEK }, () => []);
  const all: number[] = [];
  for (const point of points) {
    if (!Number.isFinite(point.value)) continue;
    (slots[hourOfWeek(point.at)] as number[]).push(point.value);
    all.push(point.value);
  }
  for (const slot of slots) slot.sort((a, b) => a - b);
  all.sort((a, b) => a - b);
  return { slots, all, options: { ...defaultBaselineOptions, ...options } };
}

function expectationOf(values: number[], source: Expectation["source"], options: BaselineOptions): Expectation {
  const sorted = source === "neighbours" ? values.sort((a, b) => a - b) : values;
  const median = medianOfSorted(sorted);
  const mad = medianAbsoluteDeviation(sorted, median);
  const floor = Math.max(options.absoluteFloor, options.relativeFloor * Math.abs(median));
  return { median, scale: Math.max(MAD_SCALE * mad, floor), source, points: sorted.length };
}

/**
 * What the baseline expects at `at`: from the slot's own values when it has at least minSlotPoints;
 * else from the slot and its neighbouring hours (± neighbourHours, wrapping round the week) when they
 * have that many together; else from all hours when there are at least minPoints; else null (too
 * little data to judge).
 */
export function expectedAt(baseline: Baseline, at: Date): Expectation | null {
  const { options } = baseline;
  const slot = hourOfWeek(at);
  const own = baseline.slots[slot] as number[];
  if (own.length >= options.minSlotPoints) return expectationOf(own, "slot", options);
  const pooled: number[] = [];
  for (let offset = -options.neighbourHours; offset <= options.neighbourHours; offset++)
    pooled.push(...(baseline.slots[(slot + offset + HOURS_OF_WEEK) % HOURS_OF_WEEK] as number[]));
  if (pooled.length >= options.minSlotPoints) return expectationOf(pooled, "neighbours", options);
  if (baseline.all.length >= options.minPoints) return expectationOf(baseline.all, "all", options);
  return null;
}

/** How many spreads a value lies above (positive) or below the expectation. */
export function robustZ(value: number, expected: Expectation): number {
  return (value - expected.median) / expected.scale;
}
