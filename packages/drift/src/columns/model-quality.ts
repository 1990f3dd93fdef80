/**
 * Model quality where a target (label) and a prediction column are both named. The prediction is a
 * score when it is numeric, every value lies in [0, 1] and some value is not 0 or 1; it then predicts
 * the positive class at 0.5 or above. Binary metrics count the positive class: "1", "true" or "yes"
 * when present, otherwise the last class in sorted order. ROC AUC is the Mann–Whitney statistic with
 * ties counted half; the expected calibration error is Σ (n_b / N)·|positive share_b − mean score_b|
 * over CALIBRATION_BINS equal-width score bins.
 */
import type { QualityMetrics } from "@openaims/contracts";

export const CALIBRATION_BINS = 10;
export const SCORE_THRESHOLD = 0.5;

export interface QualityRow {
  label: string;
  prediction: string;
  score: number | null;
}

const POSITIVE_NAMES = ["1", "1.0", "true", "yes", "positive"];

export function positiveClassOf(classes: readonly string[]): string | null {
  if (classes.length !== 2) return null;
  const sorted = [...classes].sort();
  return sorted.find((c) => POSITIVE_NAMES.includes(c.toLowerCase())) ?? (sorted[1] as string);
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
const f1Of = (p: number | null, r: number | null) =>
  p === null || r === null ? null : p + r === 0 ? 0 : (2 * p * r) / (p + r);

export function qualityMetrics(
  rows: readonly QualityRow[],
  classes: readonly string[],
  positive: string | null,
  scored: boolean,
): QualityMetrics {
  const n = rows.length;
  let correct = 0;
  for (const row of rows) if (row.label === row.prediction) correct++;
  const perClass = classes.map((c) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const row of rows) {
      if (row.prediction === c && row.label === c) tp++;
      else if (row.prediction === c) fp++;
      else if (row.label === c) fn++;
    }
    const precision = ratio(tp, tp + fp) ?? 0;
    const recall = ratio(tp, tp + fn) ?? 0;
    return { c, precision, recall, f1: f1Of(precision, recall) ?? 0 };
  });
  const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
  const positiveStats = positive === null ? undefined : perClass.find((p) => p.c === positive);
  return {
    rows: n,
    accuracy: ratio(correct, n),
    precision: positiveStats?.precision ?? null,
    recall: positiveStats?.recall ?? null,
    f1: positiveStats?.f1 ?? null,
    macroPrecision: mean(perClass.map((p) => p.precision)),
    macroRecall: mean(perClass.map((p) => p.recall)),
    macroF1: mean(perClass.map((p) => p.f1)),
    rocAuc: scored && positive !== null ? rocAuc(rows, positive) : null,
    calibrationError: scored && positive !== null ? calibrationError(rows, positive) : null,
  };
}

function rocAuc(rows: readonly QualityRow[], positive: string): number | null {
  const scored = rows
    .map((row) => ({ score: row.score ?? 0, positive: row.label === positive }))
    .sort((a, b) => a.score - b.score);
  const positives = scored.filter((r) => r.positive).length;
  const negatives = scored.length - positives;
  if (positives === 0 || negatives === 0) return null;
  // Sum of the positives' mid-ranks (ties share the average rank).
  let rankSum = 0;
  for (let i = 0; i < scored.length; ) {
    let j = i;
    while (j < scored.length && scored[j]?.score === scored[i]?.score) j++;
    const midRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (scored[k]?.positive) rankSum += midRank;
    i = j;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

function calibrationError(rows: readonly QualityRow[], positive: string): number | null {
  if (rows.length === 0) return null;
  const count = new Array<number>(CALIBRATION_BINS).fill(0);
  const scoreSum = new Array<number>(CALIBRATION_BINS).fill(0);
  const positives = new Array<number>(CALIBRATION_BINS).fill(0);
  for (const row of rows) {
    const score = row.score ?? 0;
    const bin = Math.min(CALIBRATION_BINS - 1, Math.floor(score * CALIBRATION_BINS));
    count[bin] = (count[bin] ?? 0) + 1;
    scoreSum[bin] = (scoreSum[bin] ?? 0) + score;
    if (row.label === positive) positives[bin] = (positives[bin] ?? 0) + 1;
  }
  let ece = 0;
  for (let b = 0; b < CALIBRATION_BINS; b++) {
    const nb = count[b] ?? 0;
    if (nb === 0) continue;
    ece += (nb / rows.length) * Math.abs((positives[b] ?? 0) / nb - (scoreSum[b] ?? 0) / nb);
  }
  return Math.min(1, ece);
}
