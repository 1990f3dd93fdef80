/**
 * Latency histograms over fixed log-spaced buckets, so that per-minute rollups can be summed and the
 * percentiles of any window read from the sum. Bucket 0 holds [0, 1) ms; bucket i ≥ 1 holds
 * [2^((i-1)/4), 2^(i/4)) ms, four buckets per doubling (each about 19 % wide); the last bucket is
 * open-ended (from about 69 minutes). A percentile is interpolated inside its bucket on a log scale,
 * so it is within one bucket width (under 19 %) of the exact value.
 */

/** Number of buckets: 0 … 1 ms, then four per doubling up to 2^23 ms (about 2.3 hours). */
export const LATENCY_BUCKETS = 94;
const PER_DOUBLING = 4;

/** Lower bound of bucket i in milliseconds. */
export function bucketLowerMs(i: number): number {
  return i <= 0 ? 0 : 2 ** ((i - 1) / PER_DOUBLING);
}

/** Upper bound of bucket i in milliseconds (Infinity for the last). */
export function bucketUpperMs(i: number): number {
  return i >= LATENCY_BUCKETS - 1 ? Number.POSITIVE_INFINITY : 2 ** (i / PER_DOUBLING);
}

/** The bucket a latency falls in; negative and non-finite values count as 0 ms. */
export function latencyBucket(ms: number): number {
  if (!(ms >= 1)) return 0;
  const i = Math.floor(Math.log2(ms) * PER_DOUBLING) + 1;
  // Guard against log rounding at exact bucket bounds.
  const fixed = ms < bucketLowerMs(i) ? i - 1 : ms >= bucketUpperMs(i) ? i + 1 : i;
  return Math.min(fixed, LATENCY_BUCKETS - 1);
}

/** An empty histogram. */
export function emptyHistogram(): number[] {
  return new Array<number>(LATENCY_BUCKETS).fill(0);
}

/** Adds `b` into `a` bucket by bucket (histograms of any length; missing buckets count 0). */
export function addHistograms(a: number[], b: readonly number[]): number[] {
  for (let i = 0; i < b.length; i++) a[i] = (a[i] ?? 0) + (b[i] ?? 0);
  return a;
}

/**
 * The q-quantile (0 < q ≤ 1) of a histogram in milliseconds, or null when it is empty: the bucket
 * holding the rank-⌈q·n⌉ value, interpolated geometrically between its bounds.
 */
export function histogramQuantile(histogram: readonly number[], q: number): number | null {
  let total = 0;
  for (const count of histogram) total += count;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    const count = histogram[i] ?? 0;
    if (count === 0) continue;
    if (seen + count >= rank) {
      const fraction = (rank - seen - 0.5) / count;
      const lower = bucketLowerMs(i);
      if (i === 0) return fraction;
      const upper = i >= LATENCY_BUCKETS - 1 ? lower * 2 : bucketUpperMs(i);
      return lower * (upper / lower) ** fraction;
    }
    seen += count;
  }
  return null;
}
