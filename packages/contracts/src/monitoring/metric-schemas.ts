import { z } from "zod";
import { idSchema, timestampSchema, versionSchema } from "../common.js";
import { archivedFilterSchema } from "../inventory/inventory-fields.js";
import {
  alertLevelSchema,
  metricDirectionSchema,
  metricStateSchema,
  metricThresholdsShape,
  thresholdsInOrder,
  thresholdsOrderIssue,
} from "./metric-attributes.js";

const systemRefSchema = z.object({ id: idSchema, slug: z.string(), name: z.string() });

export const metricSchema = z
  .object({
    id: idSchema,
    system: systemRefSchema,
    name: z.string(),
    description: z.string(),
    unit: z.string(),
    direction: metricDirectionSchema,
    warning: z.number().nullable(),
    critical: z.number().nullable(),
    cadenceMinutes: z.number().int().nullable(),
    /** Alert rule: a critical alert opens an incident. */
    openIncidentOnCritical: z.boolean(),
    /** Alert rule: an alert asks for this risk to be reviewed again. */
    reviewRisk: z.object({ id: idSchema, ref: z.string(), title: z.string() }).nullable(),
    latest: z.object({ value: z.number(), at: timestampSchema }).nullable(),
    state: metricStateSchema,
    /** Alerts of this metric not yet resolved, and the worst level among them. */
    openAlerts: z.number().int(),
    worstOpenLevel: alertLevelSchema.nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    archivedAt: timestampSchema.nullable(),
    version: z.number().int(),
  })
  .meta({ id: "Metric" });
export type Metric = z.infer<typeof metricSchema>;

/** A metric name: letters, digits and `_ . - /` so that a CSV or a command line carries it as is. */
const metricNameSchema = z
  .string()
  .trim()
  .min(1, "must name the metric")
  .max(100, "must be 100 characters or fewer")
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.\-/ ]*$/,
    "may hold letters, digits, spaces and _ . - / only, starting with a letter or digit",
  );

const metricFields = {
  name: metricNameSchema,
  description: z.string().trim().max(2000).default(""),
  unit: z.string().trim().max(40).default(""),
  ...metricThresholdsShape,
  openIncidentOnCritical: z.boolean().default(false),
  reviewRiskId: idSchema.nullable().default(null),
};

export const createMetricRequestSchema = z
  .object({ systemId: idSchema, ...metricFields })
  .refine(thresholdsInOrder, thresholdsOrderIssue);
export type CreateMetricRequest = z.input<typeof createMetricRequestSchema>;

/** Replaces a metric's definition; its observations and alerts stay. */
export const updateMetricRequestSchema = z
  .object({ ...metricFields, version: versionSchema })
  .refine(thresholdsInOrder, thresholdsOrderIssue);
export type UpdateMetricRequest = z.input<typeof updateMetricRequestSchema>;

export const metricListQuerySchema = z.object({
  systemId: idSchema.optional(),
  archived: archivedFilterSchema.default("false"),
});
