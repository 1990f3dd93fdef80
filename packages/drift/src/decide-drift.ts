/**
 * Drift decisions. Defaults: a numeric column (or numeric text descriptor) drifts when the KS
 * p-value is below 0.05 or its PSI is at least 0.2; a categorical one when the chi-square p-value is
 * below 0.05 or its PSI is at least 0.2; a text column when any of its descriptors drifts. The data
 * set drifts when at least half of the compared columns drift.
 */
import type { CategoricalDrift, DriftThresholds, NumericDrift } from "@openaims/contracts";

export const DEFAULT_DRIFT_THRESHOLDS: DriftThresholds = {
  ksPValue: 0.05,
  psi: 0.2,
  chiSquarePValue: 0.05,
  datasetDriftShare: 0.5,
};

const format = (value: number) =>
  Math.abs(value) >= 1e-4 || value === 0 ? value.toPrecision(4).replace(/\.?0+$/, "") : value.toExponential(2);

/** Whether the statistics show drift, and the reasons in words. */
export function decideDrift(
  statistics: NumericDrift | CategoricalDrift,
  thresholds: DriftThresholds,
): { drifted: boolean; reasons: string[] } {
  const reasons: string[] = [];
  let drifted = false;
  if (statistics.kind === "numeric") {
    const p = statistics.ks.pValue;
    if (p < thresholds.ksPValue) {
      drifted = true;
      reasons.push(`KS p = ${format(p)} < ${thresholds.ksPValue}`);
    } else reasons.push(`KS p = ${format(p)} ≥ ${thresholds.ksPValue}`);
  } else if (statistics.chiSquare) {
    const p = statistics.chiSquare.pValue;
    if (p < thresholds.chiSquarePValue) {
      drifted = true;
      reasons.push(`chi-square p = ${format(p)} < ${thresholds.chiSquarePValue}`);
    } else reasons.push(`chi-square p = ${format(p)} ≥ ${thresholds.chiSquarePValue}`);
  }
  const psi = statistics.psi.value;
  if (psi >= thresholds.psi) {
    drifted = true;
    reasons.push(`PSI = ${format(psi)} ≥ ${thresholds.psi}`);
  } else reasons.push(`PSI = ${format(psi)} < ${thresholds.psi}`);
  return { drifted, reasons };
}

export { format as formatStatistic };
