import { DRIFT_REPORT_FORMAT, type DriftReport } from "@openaims/contracts";

/** A numeric column of a report as the engine would write it, with the PSI and drift decision given. */
export function numericColumn(name: string, psi: number, drifted: boolean): DriftReport["columns"][number] {
  const summary = { count: 100, min: 0, max: 1, mean: 0.5, std: 0.3, median: 0.5 };
  return {
    name,
    role: "feature",
    kind: "numeric",
    kindSource: "inferred",
    drifted,
    reasons: [drifted ? `PSI ${psi} ≥ 0.2` : `PSI ${psi} < 0.2`],
    missing: {
      reference: { count: 0, share: 0 },
      current: { count: 0, share: 0 },
      shareChange: 0,
    },
    statistics: {
      kind: "numeric",
      ks: { statistic: drifted ? 0.4 : 0.05, pValue: drifted ? 0.0001 : 0.8, method: "asymptotic" },
      wasserstein: drifted ? 0.5 : 0.01,
      psi: { value: psi, binning: "reference deciles", bins: [] },
      reference: summary,
      current: summary,
      histogram: { edges: [0, 0.5, 1], reference: [50, 50], current: drifted ? [10, 90] : [50, 50] },
    },
  };
}

/** A drift report summary over numeric columns; `drifted` names the columns that drifted (PSI 0.4, others 0.01). */
export function driftReportFixture(columns: readonly string[], drifted: readonly string[] = []): DriftReport {
  const shifted = new Set(drifted);
  const reportColumns = columns.map((name) => numericColumn(name, shifted.has(name) ? 0.4 : 0.01, shifted.has(name)));
  const driftedColumns = reportColumns.filter((c) => c.drifted).length;
  return {
    format: DRIFT_REPORT_FORMAT,
    generatedAt: new Date(Date.now() - 60_000).toISOString(),
    reference: { source: "reference.csv", format: "csv", rows: 100, rowsUsed: 100 },
    current: { source: "current.csv", format: "csv", rows: 100, rowsUsed: 100 },
    sample: null,
    thresholds: { ksPValue: 0.05, psi: 0.2, chiSquarePValue: 0.05, datasetDriftShare: 0.5 },
    summary: {
      columns: reportColumns.length,
      driftedColumns,
      driftShare: reportColumns.length ? driftedColumns / reportColumns.length : 0,
      datasetDrift: reportColumns.length > 0 && driftedColumns / reportColumns.length >= 0.5,
      drifted: reportColumns.filter((c) => c.drifted).map((c) => c.name),
    },
    columns: reportColumns,
    quality: null,
  };
}

/** A self-contained HTML report, as small as a test needs. */
export const driftHtmlFixture =
  "<!doctype html><title>Drift report</title><h1>Drift report</h1><p>Columns compared.</p>";
