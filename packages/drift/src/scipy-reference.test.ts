/**
 * The engine's statistics against scipy's on the same data (fixtures/make-reference-values.py wrote
 * both). Every value is compared with a relative tolerance of 1e-9: |ours − scipy| ≤ 1e-9·|scipy|
 * (an absolute 1e-300 floor keeps exact zeros comparable).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { CategoricalDrift, NumericDrift } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { runDriftReport } from "./run-drift-report.js";
import { kolmogorovSf } from "./stats/kolmogorov.js";

const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));
interface ReferenceValues {
  scipy: string;
  numeric: {
    name: string;
    reference: string;
    current: string;
    n1: number;
    n2: number;
    ks_statistic: number;
    ks_pvalue: number;
    wasserstein: number;
  }[];
  categorical: { name: string; reference: string; current: string; chi2: number; pvalue: number; dof: number }[];
  kstwo: { n: number; x: number; sf: number }[];
}
const values = JSON.parse(readFileSync(`${fixtures}reference-values.json`, "utf8")) as ReferenceValues;

function expectClose(actual: number, expected: number, what: string) {
  const tolerance = Math.max(1e-9 * Math.abs(expected), 1e-300);
  expect(Math.abs(actual - expected), `${what}: ${actual} vs scipy ${expected}`).toBeLessThanOrEqual(tolerance);
}

describe("drift statistics equal scipy's", () => {
  it("cover both KS paths, ties, equal and unequal sizes", () => {
    const sizes = values.numeric.map((c) => Math.max(c.n1, c.n2));
    expect(sizes.some((n) => n <= 10_000)).toBe(true);
    expect(sizes.some((n) => n > 10_000)).toBe(true);
    expect(values.numeric.some((c) => c.n1 === c.n2)).toBe(true);
    expect(values.categorical.some((c) => c.dof === 1)).toBe(true);
  });

  for (const c of values.numeric) {
    it(`ks_2samp and wasserstein_distance: ${c.name} (${c.n1} vs ${c.n2})`, async () => {
      const { report } = await runDriftReport({ reference: fixtures + c.reference, current: fixtures + c.current });
      const column = report.columns[0];
      expect(column?.kind).toBe("numeric");
      const s = column?.statistics as NumericDrift;
      expect(s.ks.method).toBe(Math.max(c.n1, c.n2) <= 10_000 ? "exact" : "asymptotic");
      expectClose(s.ks.statistic, c.ks_statistic, "KS statistic");
      expectClose(s.ks.pValue, c.ks_pvalue, "KS p-value");
      expectClose(s.wasserstein, c.wasserstein, "Wasserstein distance");
    });
  }

  for (const c of values.categorical) {
    it(`chi2_contingency: ${c.name}`, async () => {
      const { report } = await runDriftReport({ reference: fixtures + c.reference, current: fixtures + c.current });
      const column = report.columns[0];
      expect(column?.kind).toBe("categorical");
      const s = column?.statistics as CategoricalDrift;
      expect(s.chiSquare?.dof).toBe(c.dof);
      expect(s.chiSquare?.yatesCorrection).toBe(c.dof === 1);
      expectClose(s.chiSquare?.statistic ?? Number.NaN, c.chi2, "chi-square");
      expectClose(s.chiSquare?.pValue ?? Number.NaN, c.pvalue, "chi-square p-value");
    });
  }

  it("kstwo.sf on every branch (Durbin, Pomeranz, Pelz–Good, Smirnov tail, closed forms)", () => {
    for (const k of values.kstwo) expectClose(kolmogorovSf(k.n, k.x), k.sf, `kstwo.sf(${k.x}, ${k.n})`);
  });
});
