import { z } from "zod";
import { idSchema, timestampSchema } from "../common.js";
import { alertKindSchema, alertLevelSchema } from "./metric-attributes.js";

/** Most observations one request may carry; larger files are sent in several batches. */
export const OBSERVATION_BATCH_MAX = 10_000;
/** Room for a full batch of rows with long metric names and times. */
export const OBSERVATION_BATCH_MAX_BYTES = 4 * 1024 * 1024;

/**
 * One observation. Its fields are checked row by row on the server, so that a refused batch is
 * answered with every bad row and field at once.
 */
export const observationRowSchema = z.object({
  /** The metric's name (in any case) or id. */
  metric: z.string().max(200, "must be 200 characters or fewer"),
  /** A number, or a number written as text. */
  value: z.union([z.number(), z.string().max(100, "must be 100 characters or fewer"), z.null()]),
  /** ISO 8601 time with a zone; absent means now. */
  at: z.string().max(60, "must be 60 characters or fewer").nullable().optional(),
});

export const pushObservationsRequestSchema = z.object({
  /** The AI system, by id or slug; the metrics are looked up among its own. */
  system: z.string().trim().min(1, "name the AI system by its id or slug").max(120),
  observations: z
    .array(observationRowSchema)
    .min(1, "must hold at least one observation")
    .max(
      OBSERVATION_BATCH_MAX,
      `must hold ${OBSERVATION_BATCH_MAX.toLocaleString("en")} observations or fewer; send the rest in another batch`,
    ),
});
export type PushObservationsRequest = z.input<typeof pushObservationsRequestSchema>;

/** An alert raised or made critical by a push. */
export const raisedAlertSchema = z.object({
  id: idSchema,
  ref: z.string(),
  metric: z.string(),
  kind: alertKindSchema,
  level: alertLevelSchema,
  /** raised: a new alert; escalated: an open warning became critical. */
  change: z.enum(["raised", "escalated"]),
});
export type RaisedAlert = z.infer<typeof raisedAlertSchema>;

export const pushObservationsResponseSchema = z
  .object({ stored: z.number().int(), alerts: z.array(raisedAlertSchema) })
  .meta({ id: "ObservationPushResult" });
export type PushObservationsResponse = z.infer<typeof pushObservationsResponseSchema>;

/** `details` of the 400 refusing a batch: besides the fields, each bad row by its 1-based number. */
export const observationBatchProblemsSchema = z.object({
  rows: z.array(z.object({ row: z.number().int(), field: z.enum(["metric", "value", "at"]), message: z.string() })),
});
export type ObservationBatchProblems = z.infer<typeof observationBatchProblemsSchema>;

/** The missing-data sweep's outcome: how many metrics it looked at and the alerts it raised. */
export const missingDataSweepSchema = z.object({ checked: z.number().int(), alerts: z.array(raisedAlertSchema) });
export type MissingDataSweep = z.infer<typeof missingDataSweepSchema>;

export const chartQuerySchema = z.object({
  from: timestampSchema.optional(),
  to: timestampSchema.optional(),
});

export const chartPointSchema = z.object({
  at: timestampSchema,
  /** The value, or the mean of a bucket's values when the range was downsampled. */
  value: z.number(),
  min: z.number(),
  max: z.number(),
  count: z.number().int(),
});
export type ChartPoint = z.infer<typeof chartPointSchema>;
