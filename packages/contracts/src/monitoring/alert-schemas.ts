import { z } from "zod";
import { idSchema, timestampSchema, versionSchema } from "../common.js";
import { alertKindSchema, alertLevelSchema, alertStatusSchema, anomalyDetectorSchema } from "./metric-attributes.js";
import { metricSchema } from "./metric-schemas.js";
import { chartPointSchema } from "./observation-schemas.js";

const memberRefSchema = z.object({ memberId: idSchema, name: z.string() });

export const alertSchema = z
  .object({
    id: idSchema,
    ref: z.string(),
    metric: z.object({ id: idSchema, name: z.string(), unit: z.string() }),
    system: z.object({ id: idSchema, slug: z.string(), name: z.string() }),
    kind: alertKindSchema,
    level: alertLevelSchema,
    status: alertStatusSchema,
    firstSeenAt: timestampSchema,
    lastSeenAt: timestampSchema,
    observedValue: z.number().nullable(),
    observedAt: timestampSchema.nullable(),
    acknowledgedAt: timestampSchema.nullable(),
    acknowledgedBy: memberRefSchema.nullable(),
    resolvedAt: timestampSchema.nullable(),
    resolvedBy: memberRefSchema.nullable(),
    resolutionNote: z.string().nullable(),
    /** Whom an anomaly alert is about: a caller identity, or "" for the whole system (and other kinds). */
    subject: z.string(),
    /** The detector that raised an anomaly alert; null for breaches and missing data. */
    detector: anomalyDetectorSchema.nullable(),
    /** The window the evidence of an anomaly comes from. */
    windowStart: timestampSchema.nullable(),
    windowEnd: timestampSchema.nullable(),
    /** What shows the anomaly: counts, the baseline, sample span ids. */
    evidence: z.record(z.string(), z.unknown()).nullable(),
    /** The incidents opened from or linked to this alert. */
    incidents: z.array(z.object({ id: idSchema, ref: z.string(), title: z.string(), status: z.string() })),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "Alert" });
export type Alert = z.infer<typeof alertSchema>;

export const alertListQuerySchema = z.object({
  systemId: idSchema.optional(),
  metricId: idSchema.optional(),
  status: alertStatusSchema.optional(),
  /** Only alerts not yet resolved, open ones first. */
  active: z
    .enum(["true", "false"], { message: "must be true or false" })
    .transform((v) => v === "true")
    .optional(),
  level: alertLevelSchema.optional(),
  kind: alertKindSchema.optional(),
  detector: anomalyDetectorSchema.optional(),
  /** Alerts about one caller identity. */
  subject: z.string().max(500, "must be 500 characters or fewer").optional(),
});

export const acknowledgeAlertRequestSchema = z.object({ version: versionSchema });

export const resolveAlertRequestSchema = z.object({
  note: z.string().trim().max(2000, "must be 2,000 characters or fewer").default(""),
  version: versionSchema,
});

export const metricChartSchema = z
  .object({
    metric: metricSchema,
    from: timestampSchema,
    to: timestampSchema,
    /** Seconds each point sums up when the range held too many observations to send one by one; null when not. */
    bucketSeconds: z.number().int().nullable(),
    points: z.array(chartPointSchema),
    alerts: z.array(alertSchema),
  })
  .meta({ id: "MetricChart" });
export type MetricChart = z.infer<typeof metricChartSchema>;
