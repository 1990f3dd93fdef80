import type { DriftReport } from "@openaims/contracts";

/** A drift score a report yields, kept as an observation of a per-system metric with source 'drift'. */
export interface DriftScore {
  /** metrics.source_key: `drift:share`, or `drift:psi:<column>`. */
  sourceKey: string;
  name: string;
  description: string;
  unit: string;
  value: number;
  /** Thresholds given to the metric when it is first made; a user may change them afterwards. */
  warning: number | null;
  critical: number | null;
}

/** A common reading of the population stability index: below 0.1 stable, 0.1–0.25 a moderate shift, above 0.25 a major one. */
export const PSI_WARNING = 0.1;
export const PSI_CRITICAL = 0.25;

/** Metric names: at most 100 characters of letters, digits, spaces and `_ . - /` (see the metrics contract). */
export const METRIC_NAME_MAX = 100;

/** "Drift PSI <column>", other characters of the column's name as `_`, cut to the metric name's limit. */
export function psiMetricName(column: string): string {
  const safe = column.replace(/[^A-Za-z0-9_.\-/ ]/g, "_").replace(/\s+/g, " ");
  return `Drift PSI ${safe}`.slice(0, METRIC_NAME_MAX).trimEnd();
}

/** The PSI of a column: its own for numeric and categorical columns, the largest of its descriptors' for text. */
export function columnPsi(column: DriftReport["columns"][number]): number | null {
  const stats = column.statistics;
  if (!stats) return null;
  if (stats.kind === "numeric" || stats.kind === "categorical") return stats.psi.value;
  const values = stats.descriptors.map((d) => d.statistics.psi.value);
  return values.length > 0 ? Math.max(...values) : null;
}

/**
 * The scores of a report: the share of drifted columns (critical above the share at which the report
 * calls the whole dataset drifted), and each column's population stability index (warning above 0.1,
 * critical above 0.25). Deterministic, in report order.
 */
export function driftScores(report: DriftReport): DriftScore[] {
  const scores: DriftScore[] = [
    {
      sourceKey: "drift:share",
      name: "Drift share of columns",
      description: "Share of the compared columns that drifted in the latest drift report.",
      unit: "share",
      value: report.summary.driftShare,
      warning: null,
      critical: report.thresholds.datasetDriftShare,
    },
  ];
  const seen = new Set<string>();
  for (const column of report.columns) {
    const psi = columnPsi(column);
    if (psi === null || seen.has(column.name)) continue;
    seen.add(column.name);
    scores.push({
      sourceKey: `drift:psi:${column.name}`,
      name: psiMetricName(column.name),
      description: `Population stability index of column ${column.name} in the latest drift report (reference against current).`,
      unit: "PSI",
      value: psi,
      warning: PSI_WARNING,
      critical: PSI_CRITICAL,
    });
  }
  return scores;
}
