import type { RiskRating } from "@openaims/contracts";
import type { Readiness } from "../readiness/compute-readiness.js";

/** Coverage of one clause group or Annex A area as the dashboard shows it. */
export interface CoverageSummary {
  id: string;
  title: string;
  met: number;
  total: number;
  /** Whole percent, rounded down; 100 when there is nothing to check. */
  percent: number;
}

/**
 * Coverage per main clause (4–10), counting the checks of every sub-clause under it, and per Annex A
 * area, from a computed readiness. `mainClauses` gives the titles, in order.
 */
export function summariseCoverage(
  readiness: Pick<Readiness, "clauses" | "areas">,
  mainClauses: readonly { id: string; title: string }[],
): { clauses: CoverageSummary[]; areas: CoverageSummary[] } {
  const clauses = mainClauses.map((main) => {
    const checks = readiness.clauses
      .filter((clause) => clause.id === main.id || clause.id.startsWith(`${main.id}.`))
      .flatMap((clause) => clause.checks);
    const met = checks.filter((check) => check.met).length;
    return { id: main.id, title: main.title, met, total: checks.length, percent: percentOf(met, checks.length) };
  });
  const areas = readiness.areas.map((area) => ({
    id: area.id,
    title: area.title.startsWith(`${area.id} `) ? area.title.slice(area.id.length + 1) : area.title,
    met: area.coverage.met,
    total: area.coverage.total,
    percent: area.coverage.percent,
  }));
  return { clauses, areas };
}

function percentOf(met: number, total: number): number {
  return total === 0 ? 100 : Math.floor((met * 100) / total);
}

/** One cell of a risk heat map. */
export interface HeatMapCell {
  likelihood: number;
  impact: number;
  rating: RiskRating;
  count: number;
}

/**
 * Every cell of the organisation's likelihood × impact matrix (likelihood-major, levels from 1) with
 * the number of risks counted at it. Counts at levels the matrix no longer has are left out.
 */
export function heatMapCells(
  matrix: readonly (readonly RiskRating[])[],
  counts: readonly { likelihood: number; impact: number; count: number }[],
): HeatMapCell[] {
  const byCell = new Map(counts.map((c) => [`${c.likelihood}:${c.impact}`, c.count]));
  return matrix.flatMap((row, l) =>
    row.map((rating, i) => ({
      likelihood: l + 1,
      impact: i + 1,
      rating,
      count: byCell.get(`${l + 1}:${i + 1}`) ?? 0,
    })),
  );
}

/** Vulnerable findings per case of a scan, in whole percent rounded to nearest; 0 for a scan of no cases. */
export function vulnerableRate(scan: { cases: number; vulnerable: number }): number {
  return scan.cases === 0 ? 0 : Math.round((scan.vulnerable * 100) / scan.cases);
}
