import { z } from "zod";
import { idSchema, nameSchema } from "../common.js";
import { driftReportSchema } from "./drift-report.js";
import { driftMetricValueSchema, driftReportRowSchema } from "./drift-schemas.js";

/** Longest HTML report accepted with an upload, in characters. */
export const DRIFT_HTML_MAX_CHARS = 30 * 1024 * 1024;

/** What `aims drift upload` sends: the JSON summary and the HTML report `aims drift report` wrote. */
export const uploadDriftReportRequestSchema = z.object({
  /** The AI system, by id or slug, whose monitoring the report evidences. */
  system: z.string().trim().min(1, "name the AI system by its id or slug").max(120),
  /** The dataset asset the report compares, if it is in the inventory. */
  assetId: idSchema.optional(),
  title: nameSchema.optional(),
  summary: driftReportSchema,
  html: z
    .string()
    .min(1, "must hold the HTML report")
    .max(DRIFT_HTML_MAX_CHARS, `must be at most ${DRIFT_HTML_MAX_CHARS} characters`),
});
export type UploadDriftReportRequest = z.infer<typeof uploadDriftReportRequestSchema>;

export const driftReportDetailSchema = z
  .object({
    report: driftReportRowSchema,
    /** The JSON summary; null while a server-side report runs or after it failed. */
    summary: driftReportSchema.nullable(),
    /** The metric observations the report recorded. */
    metrics: z.array(driftMetricValueSchema),
  })
  .meta({ id: "DriftReportDetail" });
export type DriftReportDetail = z.infer<typeof driftReportDetailSchema>;
