/**
 * The p-value of the two-sided two-sample Kolmogorov–Smirnov test exactly as scipy.stats.ks_2samp
 * (alternative 'two-sided', method 'auto'): exact when both samples have at most 10,000 values,
 * Smirnov's asymptotic distribution otherwise.
 */
import { kolmogorovSf } from "./kolmogorov.js";

/** scipy's MAX_AUTO_N: 'auto' is exact up to this many values in the larger sample. */
export const KS_EXACT_MAX_N = 10_000;

export interface KsResult {
  /** The statistic as scipy reports it (rounded to a multiple of 1/lcm(n1, n2) on the exact path). */
  statistic: number;
  pValue: number;
  method: "exact" | "asymptotic";
}

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return x;
}

/** Pr(D_{n,n} ≥ h/n) for equal sample sizes (scipy `_compute_prob_outside_square`). */
function probOutsideSquare(n: number, h: number): number {
  let P = 0;
  let k = Math.floor(n / h);
  while (k >= 0) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    P = p1 * (1 - P);
    k -= 1;
  }
  return 2 * P;
}

/** 1 − the share of lattice paths staying strictly inside the band (scipy `_compute_outer_prob_inside_method`, Viehmann's recursion). */
function outerProbInside(m0: number, n0: number, g: number, h: number): number {
  const m = Math.max(m0, n0);
  const n = Math.min(m0, n0);
  const mg = Math.floor(m / g);
  const ng = Math.floor(n / g);
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lenA).fill(1);
  A.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.max(Math.floor((ng * i - h) / mg) + 1, 0);
    minj = Math.min(minj, n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = ((A[jj + minj - lastminj] ?? 0) * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) A.fill(1, maxj - minj, Math.min(lenA, maxj - minj + (lastlen - curlen)));
  }
  return A[maxj - minj - 1] ?? Number.NaN;
}

/** scipy `_attempt_exact_2kssamp` (two-sided): p is null when the computation fails and scipy falls back to the asymptotic path. */
function exactPValue(n1: number, n2: number, g: number, d: number): { d: number; p: number | null } {
  const lcm = Math.floor(n1 / g) * n2;
  const h = roundHalfEven(d * lcm);
  const rounded = h / lcm;
  if (h === 0) return { d: rounded, p: 1 };
  const p = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h);
  if (!Number.isFinite(p) || p < 0 || p > 1) return { d: rounded, p: null };
  return { d: rounded, p };
}

/** numpy's round: halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** The p-value for statistic `d` of samples of sizes n1 and n2 (both > 0). */
export function ksTwoSampleTest(n1: number, n2: number, d: number): KsResult {
  const g = gcd(n1, n2);
  let statistic = d;
  if (Math.max(n1, n2) <= KS_EXACT_MAX_N) {
    const exact = exactPValue(n1, n2, g, d);
    if (exact.p !== null) return { statistic: exact.d, pValue: Math.min(1, Math.max(0, exact.p)), method: "exact" };
    statistic = exact.d;
  }
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const en = (m * n) / (m + n);
  const p = kolmogorovSf(roundHalfEven(en), statistic);
  return { statistic, pValue: Math.min(1, Math.max(0, p)), method: "asymptotic" };
}
