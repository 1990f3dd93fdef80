/** Pearson's chi-square test of a 2×k contingency table as scipy.stats.chi2_contingency (correction=True). */
import { chiSquareSf } from "./gamma.js";

export interface ChiSquareResult {
  statistic: number;
  pValue: number;
  dof: number;
  yatesCorrection: boolean;
}

/**
 * `reference[i]` and `current[i]` count category i in each sample. Every category must occur in at
 * least one sample and both samples must be non-empty (expected frequencies then are all positive).
 * With one degree of freedom each observed count moves up to 0.5 toward its expected count (Yates).
 */
export function chiSquareContingency(reference: readonly number[], current: readonly number[]): ChiSquareResult {
  const k = reference.length;
  const dof = k - 1;
  if (dof === 0) return { statistic: 0, pValue: 1, dof: 0, yatesCorrection: false };
  let refTotal = 0;
  let curTotal = 0;
  for (let i = 0; i < k; i++) {
    refTotal += reference[i] ?? 0;
    curTotal += current[i] ?? 0;
  }
  const total = refTotal + curTotal;
  const correction = dof === 1;
  let statistic = 0;
  for (const [row, rowTotal] of [
    [reference, refTotal],
    [current, curTotal],
  ] as const) {
    for (let i = 0; i < k; i++) {
      const columnTotal = (reference[i] ?? 0) + (current[i] ?? 0);
      const expected = (rowTotal * columnTotal) / total;
      let observed = row[i] ?? 0;
      if (correction) {
        const diff = expected - observed;
        observed += Math.sign(diff) * Math.min(0.5, Math.abs(diff));
      }
      statistic += (observed - expected) ** 2 / expected;
    }
  }
  return { statistic, pValue: chiSquareSf(statistic, dof), dof, yatesCorrection: correction };
}
