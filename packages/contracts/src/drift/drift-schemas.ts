import { z } from "zod";
import { idSchema, nameSchema, timestampSchema } from "../common.js";

/** reference: the data a model was built or validated on; current: a window of data in operation. */
export const driftSampleRoles = ["reference", "current"] as const;
export const driftSampleRoleSchema = z.enum(driftSampleRoles, { message: "must be reference or current" });
export type DriftSampleRole = z.infer<typeof driftSampleRoleSchema>;

/** upload: a file someone sent; telemetry: per-span features of a system in a time window. */
export const driftSampleOrigins = ["upload", "telemetry"] as const;
export const driftSampleOriginSchema = z.enum(driftSampleOrigins);
export type DriftSampleOrigin = z.infer<typeof driftSampleOriginSchema>;

export const driftSampleFormats = ["csv", "parquet", "jsonl"] as const;
export const driftSampleFormatSchema = z.enum(driftSampleFormats, { message: "must be csv, parquet or jsonl" });
export type DriftSampleFormat = z.infer<typeof driftSampleFormatSchema>;

/** running: computed by the server, not finished; failed: the error says which column or input. */
export const driftReportStatuses = ["running", "completed", "failed"] as const;
export const driftReportStatusSchema = z.enum(driftReportStatuses);
export type DriftReportStatus = z.infer<typeof driftReportStatusSchema>;

/** upload: sent by `aims drift upload` (or any program with a token); server: computed by the server. */
export const driftReportOrigins = ["upload", "server"] as const;
export const driftReportOriginSchema = z.enum(driftReportOrigins);
export type DriftReportOrigin = z.infer<typeof driftReportOriginSchema>;

/** The largest data sample the server stores, in bytes (256 MiB); larger data is compared with `aims drift report`. */
export const DRIFT_SAMPLE_MAX_BYTES = 256 * 1024 * 1024;
/** The largest uploaded report (JSON summary and self-contained HTML together), in bytes (32 MiB). */
export const DRIFT_UPLOAD_MAX_BYTES = 32 * 1024 * 1024;

const recordRef = z.object({ id: idSchema, name: z.string() });
const systemRef = z.object({ id: idSchema, slug: z.string(), name: z.string() });

export const driftSampleSchema = z
  .object({
    id: idSchema,
    asset: recordRef,
    role: driftSampleRoleSchema,
    origin: driftSampleOriginSchema,
    fileName: z.string(),
    format: driftSampleFormatSchema,
    sha256: z.string(),
    sizeBytes: z.number().int(),
    rowCount: z.number().int().nullable(),
    /** The sample's columns and the types DuckDB read them as. */
    columns: z.array(z.object({ name: z.string(), type: z.string() })),
    windowStart: timestampSchema.nullable(),
    windowEnd: timestampSchema.nullable(),
    createdAt: timestampSchema,
  })
  .meta({ id: "DriftSample" });
export type DriftSample = z.infer<typeof driftSampleSchema>;

export const driftSampleListQuerySchema = z.object({
  assetId: idSchema.optional(),
  role: driftSampleRoleSchema.optional(),
});

/** Metadata of an uploaded sample; the file's bytes are the body. */
export const uploadDriftSampleQuerySchema = z.object({
  assetId: idSchema,
  role: driftSampleRoleSchema,
  /** The file's name; its extension (.csv, .parquet, .jsonl or .ndjson) says how to read it. */
  fileName: z.string().trim().min(1, "name the file").max(200),
});

/** A time window of an AI system's telemetry, read as one row per span. */
export const telemetryWindowSchema = z
  .object({
    systemId: idSchema,
    from: timestampSchema,
    to: timestampSchema,
  })
  .refine((w) => Date.parse(w.from) < Date.parse(w.to), { message: "must end after it starts", path: ["to"] });

export const deriveDriftSampleRequestSchema = z.object({
  assetId: idSchema,
  role: driftSampleRoleSchema,
  window: telemetryWindowSchema,
});

/** The per-column drift scores a report turned into metric observations. */
export const driftMetricValueSchema = z.object({
  metricId: idSchema,
  name: z.string(),
  sourceKey: z.string(),
  value: z.number(),
});
export type DriftMetricValue = z.infer<typeof driftMetricValueSchema>;

export const driftReportRowSchema = z
  .object({
    id: idSchema,
    ref: z.string(),
    title: z.string(),
    system: systemRef.nullable(),
    asset: recordRef.nullable(),
    origin: driftReportOriginSchema,
    status: driftReportStatusSchema,
    referenceSampleId: idSchema.nullable(),
    currentSampleId: idSchema.nullable(),
    columnsTotal: z.number().int(),
    columnsDrifted: z.number().int(),
    /** SHA-256 of the HTML report, once there is one. */
    htmlSha256: z.string().nullable(),
    error: z.string().nullable(),
    evidence: z.object({ id: idSchema, ref: z.string() }).nullable(),
    createdAt: timestampSchema,
    completedAt: timestampSchema.nullable(),
    version: z.number().int(),
  })
  .meta({ id: "DriftReportRecord" });
export type DriftReportRow = z.infer<typeof driftReportRowSchema>;

export const driftReportListQuerySchema = z.object({
  systemId: idSchema.optional(),
  assetId: idSchema.optional(),
});

/** A server-side report: a reference sample against a current sample, or against a window of telemetry. */
export const runDriftReportRequestSchema = z
  .object({
    assetId: idSchema,
    /** The AI system whose monitoring the report evidences and whose metrics get its scores. */
    systemId: idSchema.optional(),
    title: nameSchema.optional(),
    referenceSampleId: idSchema,
    currentSampleId: idSchema.optional(),
    window: telemetryWindowSchema.optional(),
    columns: z.array(z.string().trim().min(1).max(200)).max(500).optional(),
  })
  .superRefine((body, ctx) => {
    if ((body.currentSampleId === undefined) === (body.window === undefined))
      ctx.addIssue({
        code: "custom",
        path: ["currentSampleId"],
        message: "give either a current sample or a telemetry window, not both",
      });
  });
