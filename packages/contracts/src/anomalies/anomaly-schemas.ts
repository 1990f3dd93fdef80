import { z } from "zod";
import { idSchema, timestampSchema } from "../common.js";
import { alertLevelSchema, anomalyDetectorSchema } from "../monitoring/metric-attributes.js";
import { raisedAlertSchema } from "../monitoring/observation-schemas.js";

/** A scan of one organisation's telemetry for anomalies: optionally of one AI system. */
export const anomalyScanRequestSchema = z.object({ systemId: idSchema.optional() });
export type AnomalyScanRequest = z.infer<typeof anomalyScanRequestSchema>;

/** A detection a scan made, whether it raised a new alert or joined an open one. */
export const anomalyDetectionSchema = z.object({
  systemId: idSchema,
  detector: anomalyDetectorSchema,
  /** The caller identity, or "" for the whole system. */
  subject: z.string(),
  level: alertLevelSchema,
  windowStart: timestampSchema,
  windowEnd: timestampSchema,
  reason: z.string(),
});
export type AnomalyDetection = z.infer<typeof anomalyDetectionSchema>;

/** What an anomaly scan looked at, what it found, and the alerts it raised or escalated. */
export const anomalyScanSchema = z
  .object({
    /** AI systems whose telemetry was examined. */
    checked: z.number().int(),
    detections: z.array(anomalyDetectionSchema),
    alerts: z.array(raisedAlertSchema),
  })
  .meta({ id: "AnomalyScan" });
export type AnomalyScan = z.infer<typeof anomalyScanSchema>;
