/**
 * Numeric drift statistics of two sorted samples in one merge pass: the two-sample KS statistic,
 * the first Wasserstein distance (scipy.stats.wasserstein_distance: the integral of |F_ref − F_cur|
 * between consecutive distinct values), and the population stability index on reference deciles.
 */
import { type KsResult, ksTwoSampleTest } from "./ks-pvalue.js";

/** Share given to an empty PSI bin so that its logarithm stays finite. */
export const PSI_EMPTY_SHARE = 1e-4;
/** PSI bins: the reference's deciles. */
export const PSI_BINS = 10;
export const PSI_BINNING = "reference deciles (lower empirical quantiles, equal edges merged), empty bins at 0.0001";
/** Equal-width histogram bins for the report's charts. */
export const HISTOGRAM_BINS = 20;

export interface PsiBin {
  lower: number | null;
  upper: number | null;
  reference: number;
  current: number;
}

export interface SortedComparison {
  ks: KsResult;
  wasserstein: number;
  psi: { value: number; bins: PsiBin[] };
  histogram: { edges: number[]; reference: number[]; current: number[] };
}

/** Index of the first element greater than `value` (numpy searchsorted side='right'). */
export function upperBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Population stability index Σ (c − r)·ln(c / r) over bin shares, empty shares raised to PSI_EMPTY_SHARE. */
export function populationStabilityIndex(referenceShares: readonly number[], currentShares: readonly number[]): number {
  let psi = 0;
  for (let i = 0; i < referenceShares.length; i++) {
    const r = Math.max(referenceShares[i] ?? 0, PSI_EMPTY_SHARE);
    const c = Math.max(currentShares[i] ?? 0, PSI_EMPTY_SHARE);
    psi += (c - r) * Math.log(c / r);
  }
  return psi;
}

/** Both arrays sorted ascending, without NaN, non-empty. */
export function compareSorted(reference: Float64Array, current: Float64Array): SortedComparison {
  const n1 = reference.length;
  const n2 = current.length;
  let i = 0;
  let j = 0;
  let d = 0;
  // Neumaier-compensated sum of the Wasserstein integral.
  let w = 0;
  let compensation = 0;
  let previous = Number.NaN;
  let gap = 0;
  while (i < n1 || j < n2) {
    const a = i < n1 ? (reference[i] as number) : Number.POSITIVE_INFINITY;
    const b = j < n2 ? (current[j] as number) : Number.POSITIVE_INFINITY;
    const v = Math.min(a, b);
    if (i + j > 0) {
      const term = (v - previous) * gap;
      const t = w + term;
      compensation += Math.abs(w) >= Math.abs(term) ? w - t + term : term - t + w;
      w = t;
    }
    while (i < n1 && reference[i] === v) i++;
    while (j < n2 && current[j] === v) j++;
    gap = Math.abs(i / n1 - j / n2);
    if (gap > d) d = gap;
    previous = v;
  }
  return {
    ks: ksTwoSampleTest(n1, n2, d),
    wasserstein: w + compensation,
    psi: decilePsi(reference, current),
    histogram: histogram(reference, current),
  };
}

function decilePsi(reference: Float64Array, current: Float64Array): { value: number; bins: PsiBin[] } {
  const n1 = reference.length;
  const n2 = current.length;
  const edges: number[] = [];
  for (let k = 1; k < PSI_BINS; k++) {
    const edge = reference[Math.ceil((k * n1) / PSI_BINS) - 1] as number;
    if (edges.length === 0 || edge > (edges[edges.length - 1] as number)) edges.push(edge);
  }
  const bins: PsiBin[] = [];
  let refBelow = 0;
  let curBelow = 0;
  for (let b = 0; b <= edges.length; b++) {
    const upper = b < edges.length ? (edges[b] as number) : null;
    const refUpTo = upper === null ? n1 : upperBound(reference, upper);
    const curUpTo = upper === null ? n2 : upperBound(current, upper);
    bins.push({
      lower: b === 0 ? null : (edges[b - 1] as number),
      upper,
      reference: (refUpTo - refBelow) / n1,
      current: (curUpTo - curBelow) / n2,
    });
    refBelow = refUpTo;
    curBelow = curUpTo;
  }
  const value = populationStabilityIndex(
    bins.map((bin) => bin.reference),
    bins.map((bin) => bin.current),
  );
  return { value, bins };
}

function histogram(reference: Float64Array, current: Float64Array) {
  const min = Math.min(reference[0] as number, current[0] as number);
  const max = Math.max(reference[reference.length - 1] as number, current[current.length - 1] as number);
  const bins = max > min ? HISTOGRAM_BINS : 1;
  const width = bins === 1 ? 0 : (max - min) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, k) => (k === bins ? max : min + k * width));
  const counts = (sorted: Float64Array) => {
    const out: number[] = [];
    let below = 0;
    for (let k = 1; k <= bins; k++) {
      const upTo = k === bins ? sorted.length : upperBound(sorted, edges[k] as number);
      out.push(upTo - below);
      below = upTo;
    }
    return out;
  };
  return { edges, reference: counts(reference), current: counts(current) };
}
