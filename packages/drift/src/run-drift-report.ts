/** The drift engine's entry: reads two data sets through DuckDB and compares them column by column. */
import {
  type ColumnDrift,
  DRIFT_REPORT_FORMAT,
  type DriftColumnKind,
  type DriftReport,
  type DriftThresholds,
  type ModelQuality,
} from "@openaims/contracts";
import { categoricalDrift } from "./columns/categorical-column.js";
import {
  CALIBRATION_BINS,
  positiveClassOf,
  type QualityRow,
  qualityMetrics,
  SCORE_THRESHOLD,
} from "./columns/model-quality.js";
import { numericDrift } from "./columns/numeric-column.js";
import { TextDescriptorCollector } from "./columns/text-column.js";
import { DEFAULT_DRIFT_THRESHOLDS, decideDrift } from "./decide-drift.js";
import { DriftInputError } from "./drift-input-error.js";
import { renderDriftHtml } from "./html/render-drift-html.js";
import { type PlannedColumn, planColumns } from "./read/column-kinds.js";
import { type OpenedInputs, openInputs, type Side, sqlName } from "./read/open-inputs.js";
import { countMissing, forEachString, readCategoryCounts, readNumbers } from "./read/read-values.js";
import { radixSortFloat64 } from "./stats/radix-sort.js";

export { DriftInputError };

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
  /** DuckDB's memory limit (default "2GB") and threads (default 2). */
  memoryLimit?: string;
  threads?: number;
}

export interface DriftReportResult {
  report: DriftReport;
  /** A self-contained HTML page (inline CSS and SVG, no external requests). */
  html: string;
}

/** Compares `current` with `reference` and returns the report and its HTML page. Throws DriftInputError on bad input. */
export async function runDriftReport(options: DriftReportOptions): Promise<DriftReportResult> {
  if (options.sample !== undefined && !(Number.isInteger(options.sample) && options.sample > 0))
    throw new DriftInputError(`The sample size must be a whole number above 0 (got ${options.sample}).`);
  const thresholds: DriftThresholds = { ...DEFAULT_DRIFT_THRESHOLDS, ...options.thresholds };
  const inputs = await openInputs(options);
  const reads = new Map<string, Promise<[Float64Array, Float64Array]>>();
  try {
    const planned = await planColumns(inputs, options);
    const columns: ColumnDrift[] = [];
    // The next numeric column is read (by DuckDB's threads, which also sort the reference side) while
    // this one's current side is radix-sorted and the two are compared: two cores both work.
    const startRead = (column: PlannedColumn | undefined) => {
      if (column?.kind !== "numeric" || reads.has(column.name)) return;
      const read = Promise.all([
        readNumbers(inputs.sideConnections.reference, "reference", column.valueSql, inputs.reference.rowsUsed, {
          sorted: true,
        }),
        readNumbers(inputs.sideConnections.current, "current", column.valueSql, inputs.current.rowsUsed),
      ]);
      read.catch(() => {});
      reads.set(column.name, read);
    };
    for (const [index, column] of planned.entries()) {
      startRead(column);
      const numbers = column.kind === "numeric" ? await reads.get(column.name) : undefined;
      reads.delete(column.name);
      startRead(planned.slice(index + 1).find((next) => next.kind === "numeric"));
      columns.push(await compareColumn(inputs, column, thresholds, numbers));
    }
    const quality =
      options.target !== undefined && options.prediction !== undefined
        ? await modelQuality(inputs, planned, options.target, options.prediction)
        : null;
    const drifted = columns.filter((c) => c.drifted).map((c) => c.name);
    const driftShare = columns.length === 0 ? 0 : drifted.length / columns.length;
    const report: DriftReport = {
      format: DRIFT_REPORT_FORMAT,
      generatedAt: (options.now ?? new Date()).toISOString(),
      reference: describeInput(inputs, "reference"),
      current: describeInput(inputs, "current"),
      sample: options.sample ?? null,
      thresholds,
      summary: {
        columns: columns.length,
        driftedColumns: drifted.length,
        driftShare,
        datasetDrift: columns.length > 0 && driftShare >= thresholds.datasetDriftShare,
        drifted,
      },
      columns,
      quality,
    };
    return { report, html: renderDriftHtml(report) };
  } finally {
    // A read started ahead for a column that bad input never reached must finish before its connection closes.
    await Promise.allSettled(reads.values());
    await inputs.close();
  }
}

function describeInput(inputs: OpenedInputs, side: Side): DriftReport["reference"] {
  const input = inputs[side];
  return { source: input.label.slice(0, 500), format: input.format, rows: input.rows, rowsUsed: input.rowsUsed };
}

async function compareColumn(
  inputs: OpenedInputs,
  column: PlannedColumn,
  thresholds: DriftThresholds,
  numbers: [Float64Array, Float64Array] | undefined,
): Promise<ColumnDrift> {
  const { connection } = inputs;
  // Numeric values are read once: what is not read (null, NaN, ±Infinity) is missing.
  let refMissing: number;
  let curMissing: number;
  if (numbers) {
    refMissing = inputs.reference.rowsUsed - numbers[0].length;
    curMissing = inputs.current.rowsUsed - numbers[1].length;
  } else {
    refMissing = (await countMissing(connection, "reference", column.valueSql, false)).missing;
    curMissing = (await countMissing(connection, "current", column.valueSql, false)).missing;
  }
  const refShare = refMissing / inputs.reference.rowsUsed;
  const curShare = curMissing / inputs.current.rowsUsed;
  const base = {
    name: column.name,
    role: column.role,
    kind: column.kind,
    kindSource: column.kindSource,
    missing: {
      reference: { count: refMissing, share: refShare },
      current: { count: curMissing, share: curShare },
      shareChange: curShare - refShare,
    },
  };
  if (refMissing === inputs.reference.rowsUsed || curMissing === inputs.current.rowsUsed) {
    const side = refMissing === inputs.reference.rowsUsed ? "reference" : "current";
    throw new DriftInputError(
      `Column '${column.name}' has no values in the ${side} data (every row is missing).`,
      column.name,
    );
  }
  if (numbers) {
    const statistics = numericDrift(numbers[0], radixSortFloat64(numbers[1]));
    return { ...base, ...decideDrift(statistics, thresholds), statistics };
  }
  if (column.kind === "categorical") {
    const statistics = categoricalDrift(
      await readCategoryCounts(connection, "reference", column.valueSql),
      await readCategoryCounts(connection, "current", column.valueSql),
    );
    return { ...base, ...decideDrift(statistics, thresholds), statistics };
  }
  const collected = [];
  for (const side of ["reference", "current"] as const) {
    const collector = new TextDescriptorCollector();
    await forEachString(connection, side, column.valueSql, (value) => collector.add(value));
    collected.push(collector.values());
  }
  const [r, c] = collected as [
    ReturnType<TextDescriptorCollector["values"]>,
    ReturnType<TextDescriptorCollector["values"]>,
  ];
  const descriptors = [
    { descriptor: "length" as const, statistics: numericDrift(r.length, c.length) },
    { descriptor: "non_ascii_share" as const, statistics: numericDrift(r.nonAsciiShare, c.nonAsciiShare) },
    { descriptor: "pii" as const, statistics: categoricalDrift(r.pii, c.pii) },
    { descriptor: "language" as const, statistics: categoricalDrift(r.language, c.language) },
  ].map((d) => {
    const decision = decideDrift(d.statistics, thresholds);
    return { ...d, drifted: decision.drifted, reasons: decision.reasons.map((reason) => `${d.descriptor}: ${reason}`) };
  });
  const driftedDescriptors = descriptors.filter((d) => d.drifted);
  return {
    ...base,
    drifted: driftedDescriptors.length > 0,
    reasons: (driftedDescriptors.length ? driftedDescriptors : descriptors).flatMap((d) => d.reasons).slice(0, 10),
    statistics: {
      kind: "text",
      descriptors: descriptors.map(({ descriptor, drifted, statistics }) => ({ descriptor, drifted, statistics })),
    },
  };
}

async function modelQuality(
  inputs: OpenedInputs,
  planned: PlannedColumn[],
  target: string,
  prediction: string,
): Promise<ModelQuality> {
  const { connection } = inputs;
  const predictionColumn = planned.find((c) => c.name === prediction);
  const t = sqlName(target);
  const p = sqlName(prediction);
  let scored = false;
  if (predictionColumn?.kind === "numeric") {
    const reader = await connection.runAndReadAll(
      `SELECT min(s), max(s), count(*) FILTER (WHERE s NOT IN (0, 1)) FROM (SELECT TRY_CAST(${p} AS DOUBLE) AS s FROM reference UNION ALL SELECT TRY_CAST(${p} AS DOUBLE) FROM current)`,
    );
    const [min, max, fractional] = (reader.getRowsJS()[0] ?? []).map(Number) as [number, number, number];
    scored = min >= 0 && max <= 1 && fractional > 0;
  }
  const rowsOf = async (side: Side) => {
    const reader = await connection.runAndReadAll(
      `SELECT CAST(${t} AS VARCHAR), CAST(${p} AS VARCHAR), TRY_CAST(${p} AS DOUBLE) FROM ${side} WHERE ${t} IS NOT NULL AND ${p} IS NOT NULL`,
    );
    return reader.getRowsJS().map(([label, predicted, score]) => ({
      label: String(label),
      prediction: String(predicted),
      score: score === null ? null : Number(score),
    }));
  };
  const refRows = await rowsOf("reference");
  const curRows = await rowsOf("current");
  const classes = [...new Set([...refRows, ...curRows].map((row) => row.label))].sort();
  const positive = positiveClassOf(classes);
  const negative = positive === null ? null : (classes.find((c) => c !== positive) ?? null);
  scored = scored && positive !== null;
  const labelled = (rows: QualityRow[]) =>
    scored
      ? rows.map((row) => ({
          ...row,
          prediction: (row.score ?? 0) >= SCORE_THRESHOLD ? (positive as string) : (negative as string),
        }))
      : rows;
  return {
    target,
    prediction,
    predictionKind: scored ? "score" : "label",
    positiveClass: positive,
    scoreThreshold: scored ? SCORE_THRESHOLD : null,
    calibrationBins: CALIBRATION_BINS,
    reference: refRows.length ? qualityMetrics(labelled(refRows), classes, positive, scored) : null,
    current: curRows.length ? qualityMetrics(labelled(curRows), classes, positive, scored) : null,
  };
}
