/** Most points a chart is sent; a longer range is summed up in buckets of equal width. */
export const CHART_MAX_POINTS = 1000;

/**
 * The width in whole seconds of the buckets that sum up `count` observations between `from` and
 * `to` in at most `maxPoints` points, or null when they fit as they are.
 */
export function chartBucketSeconds(from: Date, to: Date, count: number, maxPoints = CHART_MAX_POINTS): number | null {
  return count <= maxPoints ? null : chartBucketWidth(from, to, maxPoints);
}

/** The width in whole seconds of `maxPoints` equal buckets from `from` to `to`, at least one second. */
export function chartBucketWidth(from: Date, to: Date, maxPoints = CHART_MAX_POINTS): number {
  const seconds = Math.max(1, (to.getTime() - from.getTime()) / 1000);
  return Math.max(1, Math.ceil(seconds / maxPoints));
}
