/** Drift statistics of a categorical column (or a categorical text descriptor) from its category counts. */
import { type CategoricalDrift, MAX_DRIFT_CATEGORIES } from "@openaims/contracts";
import { chiSquareContingency } from "../stats/chi-square.js";
import { populationStabilityIndex } from "../stats/compare-sorted.js";

const clipLabel = (value: string) => (value.length > 500 ? `${value.slice(0, 499)}…` : value);

/** Both maps non-empty. Categories are ordered by total count, then by value. */
export function categoricalDrift(reference: Map<string, number>, current: Map<string, number>): CategoricalDrift {
  const all = [...new Set([...reference.keys(), ...current.keys()])].sort();
  const refCounts = all.map((value) => reference.get(value) ?? 0);
  const curCounts = all.map((value) => current.get(value) ?? 0);
  const refTotal = refCounts.reduce((a, b) => a + b, 0);
  const curTotal = curCounts.reduce((a, b) => a + b, 0);
  const chi = all.length > 1 ? chiSquareContingency(refCounts, curCounts) : null;
  const psi = populationStabilityIndex(
    refCounts.map((count) => count / refTotal),
    curCounts.map((count) => count / curTotal),
  );
  const ranked = all
    .map((value, i) => ({ value, reference: refCounts[i] ?? 0, current: curCounts[i] ?? 0 }))
    .sort((a, b) => b.reference + b.current - (a.reference + a.current) || (a.value < b.value ? -1 : 1));
  const listed = ranked.slice(0, MAX_DRIFT_CATEGORIES);
  const rest = ranked.slice(MAX_DRIFT_CATEGORIES);
  return {
    kind: "categorical",
    chiSquare: chi,
    psi: { value: psi },
    categories: listed.map((c) => ({ ...c, value: clipLabel(c.value) })),
    otherCategories: {
      distinct: rest.length,
      reference: rest.reduce((sum, c) => sum + c.reference, 0),
      current: rest.reduce((sum, c) => sum + c.current, 0),
    },
    newCategories: ranked
      .filter((c) => c.reference === 0)
      .slice(0, MAX_DRIFT_CATEGORIES)
      .map((c) => clipLabel(c.value)),
    missingCategories: ranked
      .filter((c) => c.current === 0)
      .slice(0, MAX_DRIFT_CATEGORIES)
      .map((c) => clipLabel(c.value)),
  };
}
