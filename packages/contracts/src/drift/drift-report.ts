/**
 * The drift report format (drift-report.json): what `aims drift report` writes and what the server
 * stores and accepts as an upload. The published JSON Schema (docs/schemas/drift-report.schema.json)
 * is generated from this zod schema. Every string and array is bounded so an upload cannot grow without
 * limit; every number is finite (JSON has no NaN), a statistic that cannot be computed is null.
 */
import { z } from "zod";

export const DRIFT_REPORT_FORMAT = "openaims.drift-report/1";

/** Most columns one report may hold. */
export const MAX_DRIFT_COLUMNS = 1_000;
/** Most categories listed per categorical column (the rest are folded into the counts of `otherCategories`). */
export const MAX_DRIFT_CATEGORIES = 100;

const label = z.string().max(500);
const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1);
const finite = z.number().finite();
const probability = z.number().min(0).max(1);

export const driftColumnKinds = ["numeric", "categorical", "text"] as const;
export const driftColumnKindSchema = z.enum(driftColumnKinds);
export type DriftColumnKind = z.infer<typeof driftColumnKindSchema>;

export const driftColumnRoles = ["feature", "target", "prediction"] as const;
export const driftColumnRoleSchema = z.enum(driftColumnRoles);
export type DriftColumnRole = z.infer<typeof driftColumnRoleSchema>;

export const driftInputFormats = ["csv", "parquet", "jsonl"] as const;
export const driftInputFormatSchema = z.enum(driftInputFormats);
export type DriftInputFormat = z.infer<typeof driftInputFormatSchema>;

/** One side of the comparison: where the data came from and how much of it was read. */
export const driftInputSchema = z.object({
  /** A file name or a window label such as a dataset asset and its dates. */
  source: label,
  format: driftInputFormatSchema.nullable(),
  /** Rows in the input. */
  rows: count,
  /** Rows the statistics used: equal to `rows` unless a sample was asked for. */
  rowsUsed: count,
});

/** Thresholds the drift decisions used. */
export const driftThresholdsSchema = z.object({
  /** A numeric column drifts when the KS p-value is below this … */
  ksPValue: probability,
  /** … or its population stability index is at least this (categorical columns too). */
  psi: z.number().nonnegative(),
  /** A categorical column drifts when the chi-square p-value is below this. */
  chiSquarePValue: probability,
  /** The dataset drifts when at least this share of its columns drift. */
  datasetDriftShare: probability,
});
export type DriftThresholds = z.infer<typeof driftThresholdsSchema>;

export const numericSummarySchema = z.object({
  count: count,
  min: finite.nullable(),
  max: finite.nullable(),
  mean: finite.nullable(),
  std: finite.nullable(),
  median: finite.nullable(),
});

/** Histogram on shared edges (edges has one more entry than each count array). */
export const driftHistogramSchema = z.object({
  edges: z.array(finite).max(201),
  reference: z.array(count).max(200),
  current: z.array(count).max(200),
});

export const psiBinSchema = z.object({
  /** Lower edge (exclusive) or null for the first bin. */
  lower: finite.nullable(),
  /** Upper edge (inclusive) or null for the last bin. */
  upper: finite.nullable(),
  reference: share,
  current: share,
});

export const numericDriftSchema = z.object({
  kind: z.literal("numeric"),
  ks: z.object({
    statistic: share,
    pValue: probability,
    /** As scipy.stats.ks_2samp chose with method 'auto'. */
    method: z.enum(["exact", "asymptotic"]),
  }),
  wasserstein: z.number().nonnegative(),
  psi: z.object({
    value: z.number().nonnegative(),
    /** How the bins were made, e.g. "reference deciles". */
    binning: label,
    bins: z.array(psiBinSchema).max(100),
  }),
  reference: numericSummarySchema,
  current: numericSummarySchema,
  histogram: driftHistogramSchema,
});
export type NumericDrift = z.infer<typeof numericDriftSchema>;

export const categoryCountSchema = z.object({ value: label, reference: count, current: count });

export const categoricalDriftSchema = z.object({
  kind: z.literal("categorical"),
  /** As scipy.stats.chi2_contingency on the 2×k table (Yates' correction when dof is 1); null with one category. */
  chiSquare: z
    .object({ statistic: z.number().nonnegative(), pValue: probability, dof: count, yatesCorrection: z.boolean() })
    .nullable(),
  psi: z.object({ value: z.number().nonnegative() }),
  /** Most frequent categories first. */
  categories: z.array(categoryCountSchema).max(MAX_DRIFT_CATEGORIES),
  otherCategories: z.object({ distinct: count, reference: count, current: count }),
  /** Categories seen only in the current data (up to 100). */
  newCategories: z.array(label).max(MAX_DRIFT_CATEGORIES),
  /** Categories seen only in the reference data (up to 100). */
  missingCategories: z.array(label).max(MAX_DRIFT_CATEGORIES),
});
export type CategoricalDrift = z.infer<typeof categoricalDriftSchema>;

export const textDescriptors = ["length", "non_ascii_share", "pii", "language"] as const;
export const textDescriptorSchema = z.enum(textDescriptors);
export type TextDescriptor = z.infer<typeof textDescriptorSchema>;

export const descriptorDriftSchema = z.object({
  descriptor: textDescriptorSchema,
  drifted: z.boolean(),
  statistics: z.discriminatedUnion("kind", [numericDriftSchema, categoricalDriftSchema]),
});
export type DescriptorDrift = z.infer<typeof descriptorDriftSchema>;

export const textDriftSchema = z.object({
  kind: z.literal("text"),
  descriptors: z.array(descriptorDriftSchema).max(textDescriptors.length),
});
export type TextDrift = z.infer<typeof textDriftSchema>;

export const missingValuesSchema = z.object({
  reference: z.object({ count, share }),
  current: z.object({ count, share }),
  /** current share minus reference share. */
  shareChange: z.number().min(-1).max(1),
});

export const columnDriftSchema = z.object({
  name: label,
  role: driftColumnRoleSchema,
  kind: driftColumnKindSchema,
  /** Whether the kind was inferred or set by the user. */
  kindSource: z.enum(["inferred", "override"]),
  drifted: z.boolean(),
  /** Why the column drifted (or not), in words, e.g. "KS p = 0.0001 < 0.05". */
  reasons: z.array(label).max(10),
  missing: missingValuesSchema,
  /** Null when one side has no non-missing values. */
  statistics: z.discriminatedUnion("kind", [numericDriftSchema, categoricalDriftSchema, textDriftSchema]).nullable(),
});
export type ColumnDrift = z.infer<typeof columnDriftSchema>;

export const qualityMetricsSchema = z.object({
  /** Rows with both a label and a prediction. */
  rows: count,
  accuracy: probability.nullable(),
  /** Binary metrics for the positive class (null with more than two classes). */
  precision: probability.nullable(),
  recall: probability.nullable(),
  f1: probability.nullable(),
  macroPrecision: probability.nullable(),
  macroRecall: probability.nullable(),
  macroF1: probability.nullable(),
  /** When the prediction is a score in [0, 1] and the labels are binary. */
  rocAuc: probability.nullable(),
  /** Expected calibration error over equal-width score bins; when the prediction is a score. */
  calibrationError: probability.nullable(),
});
export type QualityMetrics = z.infer<typeof qualityMetricsSchema>;

export const modelQualitySchema = z.object({
  target: label,
  prediction: label,
  predictionKind: z.enum(["label", "score"]),
  /** The label counted as positive for binary metrics and scores (null with more than two classes). */
  positiveClass: label.nullable(),
  /** Score at or above which a score predicts the positive class. */
  scoreThreshold: probability.nullable(),
  calibrationBins: count,
  reference: qualityMetricsSchema.nullable(),
  current: qualityMetricsSchema.nullable(),
});
export type ModelQuality = z.infer<typeof modelQualitySchema>;

export const driftReportSchema = z
  .object({
    format: z.literal(DRIFT_REPORT_FORMAT),
    generatedAt: z.iso.datetime({ offset: true }),
    reference: driftInputSchema,
    current: driftInputSchema,
    /** Rows sampled from each side when a sample was asked for; null for exact statistics over all rows. */
    sample: count.nullable(),
    thresholds: driftThresholdsSchema,
    summary: z.object({
      columns: count,
      driftedColumns: count,
      driftShare: share,
      datasetDrift: z.boolean(),
      /** Names of the drifted columns, in report order. */
      drifted: z.array(label).max(MAX_DRIFT_COLUMNS),
    }),
    columns: z.array(columnDriftSchema).max(MAX_DRIFT_COLUMNS),
    /** Model quality where both a target and a prediction column were named. */
    quality: modelQualitySchema.nullable(),
  })
  .meta({ id: "DriftReport" });
export type DriftReport = z.infer<typeof driftReportSchema>;
