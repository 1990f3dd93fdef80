/** Drift statistics of a numeric column (or a numeric text descriptor) from its two sorted samples. */
import type { NumericDrift } from "@openaims/contracts";
import { compareSorted, PSI_BINNING } from "../stats/compare-sorted.js";

function summarise(sorted: Float64Array): NumericDrift["reference"] {
  const n = sorted.length;
  if (n === 0) return { count: 0, min: null, max: null, mean: null, std: null, median: null };
  let sum = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const v = sorted[i] as number;
    const t = sum + v;
    c += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  const mean = (sum + c) / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += ((sorted[i] as number) - mean) ** 2;
  const middle = (n - 1) / 2;
  const median = ((sorted[Math.floor(middle)] as number) + (sorted[Math.ceil(middle)] as number)) / 2;
  return {
    count: n,
    min: sorted[0] as number,
    max: sorted[n - 1] as number,
    mean,
    std: n > 1 ? Math.sqrt(squares / (n - 1)) : null,
    median,
  };
}

export function numericDrift(reference: Float64Array, current: Float64Array): NumericDrift {
  const compared = compareSorted(reference, current);
  return {
    kind: "numeric",
    ks: compared.ks,
    wasserstein: compared.wasserstein,
    psi: { value: compared.psi.value, binning: PSI_BINNING, bins: compared.psi.bins },
    reference: summarise(reference),
    current: summarise(current),
    histogram: compared.histogram,
  };
}
