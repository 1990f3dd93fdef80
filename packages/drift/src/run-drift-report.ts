/** The drift engine's entry: reads two data sets through DuckDB and compares them column by column. */
import type { DriftColumnKind, DriftReport, DriftThresholds } from "@openaims/contracts";

/** A file path (CSV, Parquet or JSON Lines) or rows already in memory with a label naming them. */
export type DriftSource = string | { label: string; rows: readonly Record<string, unknown>[] };

export interface DriftReportOptions {
  reference: DriftSource;
  current: DriftSource;
  /** Columns to compare (default: every column of the reference). */
  columns?: string[];
  target?: string;
  prediction?: string;
  /** Rows to sample from each side; exact statistics over all rows when absent. */
  sample?: number;
  /** Kinds that override the inferred ones, by column name. */
  kinds?: Record<string, DriftColumnKind>;
  thresholds?: Partial<DriftThresholds>;
  /** The report's time (default: now). */
  now?: Date;
}

export interface DriftReportResult {
  report: DriftReport;
  /** A self-contained HTML page (inline CSS and SVG, no external requests). */
  html: string;
}

/** Bad input: a missing or mismatched column, an unreadable or empty file. `column` names the column when there is one. */
export class DriftInputError extends Error {
  constructor(
    message: string,
    readonly column?: string,
  ) {
    super(message);
    this.name = "DriftInputError";
  }
}

/** Compares `current` with `reference` and returns the report and its HTML page. Throws DriftInputError on bad input. */
export async function runDriftReport(options: DriftReportOptions): Promise<DriftReportResult> {
  throw new DriftInputError(`Drift reports are not available yet (${String(options.reference)}).`);
}
