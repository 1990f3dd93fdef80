import { z } from "zod";

/** Which way a metric improves: an error rate is better lower, an accuracy higher. */
export const metricDirections = ["lower_is_better", "higher_is_better"] as const;
export const metricDirectionSchema = z.enum(metricDirections, {
  message: "Choose whether the metric is better when lower or when higher.",
});
export type MetricDirection = z.infer<typeof metricDirectionSchema>;

/** How bad a threshold breach is. */
export const alertLevels = ["warning", "critical"] as const;
export const alertLevelSchema = z.enum(alertLevels, { message: "Choose a level: warning or critical." });
export type AlertLevel = z.infer<typeof alertLevelSchema>;

/**
 * What raised an alert: a value beyond a threshold, no value within the expected cadence, or an
 * anomaly a runtime detector found in telemetry.
 */
export const alertKinds = ["breach", "missing_data", "anomaly"] as const;
export const alertKindSchema = z.enum(alertKinds, {
  message: "Choose a kind: threshold breach, missing data or anomaly.",
});
export type AlertKind = z.infer<typeof alertKindSchema>;

/**
 * Who keeps a metric's observations: people and pipelines pushing them, the telemetry intake deriving
 * them from spans, anomaly detection counting detections, drift reports recording their scores, or
 * an agent's decision log (decisions per hour, deny rate, approval latency).
 */
export const metricSources = ["pushed", "telemetry", "anomaly", "drift", "agent_decisions"] as const;
export const metricSourceSchema = z.enum(metricSources);
export type MetricSource = z.infer<typeof metricSourceSchema>;

/** The runtime detectors whose findings become anomaly alerts. */
export const anomalyDetectors = [
  "volume_spike",
  "volume_shift",
  "error_spike",
  "latency_shift",
  "injection_markers",
  "refusal_burst",
  "tool_sequence",
  "exfiltration",
] as const;
export const anomalyDetectorSchema = z.enum(anomalyDetectors, {
  message: `Choose a detector: ${anomalyDetectors.join(", ")}.`,
});
export type AnomalyDetector = z.infer<typeof anomalyDetectorSchema>;

/** Where an alert stands: open until someone acknowledges it, resolved once dealt with. */
export const alertStatuses = ["open", "acknowledged", "resolved"] as const;
export const alertStatusSchema = z.enum(alertStatuses, { message: "Choose a status: open, acknowledged or resolved." });
export type AlertStatus = z.infer<typeof alertStatusSchema>;

/** A metric's state at a glance: its latest value against the thresholds, or no data yet. */
export const metricStates = ["within_bounds", "warning", "critical", "no_data"] as const;
export const metricStateSchema = z.enum(metricStates);
export type MetricState = z.infer<typeof metricStateSchema>;

/** The fields of a metric's thresholds and cadence, without the rule that ties them together. */
export const metricThresholdsShape = {
  direction: metricDirectionSchema,
  /** Beyond this (above when lower is better, below when higher is better) is a warning. */
  warning: z.number().finite().nullable(),
  /** Beyond this is critical. */
  critical: z.number().finite().nullable(),
  /** How often an observation is expected, in minutes; longer without one raises a missing-data alert. */
  cadenceMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 366)
    .nullable(),
};

/** The critical threshold lies at or beyond the warning one, in the direction the metric gets worse. */
export function thresholdsInOrder({
  direction,
  warning,
  critical,
}: {
  direction: MetricDirection;
  warning: number | null;
  critical: number | null;
}): boolean {
  return (
    warning === null ||
    critical === null ||
    (direction === "lower_is_better" ? warning <= critical : warning >= critical)
  );
}

export const thresholdsOrderIssue = {
  path: ["critical"],
  message: "must be at or beyond the warning threshold, in the direction the metric gets worse",
};

/** The thresholds and cadence of a metric that alerts are raised from. */
export const metricThresholdsSchema = z.object(metricThresholdsShape).refine(thresholdsInOrder, thresholdsOrderIssue);
export type MetricThresholds = z.infer<typeof metricThresholdsSchema>;
