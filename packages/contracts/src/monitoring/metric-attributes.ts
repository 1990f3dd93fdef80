import { z } from "zod";

/** Which way a metric improves: an error rate is better lower, an accuracy higher. */
export const metricDirections = ["lower_is_better", "higher_is_better"] as const;
export const metricDirectionSchema = z.enum(metricDirections);
export type MetricDirection = z.infer<typeof metricDirectionSchema>;

/** How bad a threshold breach is. */
export const alertLevels = ["warning", "critical"] as const;
export const alertLevelSchema = z.enum(alertLevels);
export type AlertLevel = z.infer<typeof alertLevelSchema>;

/** The thresholds and cadence of a metric that alerts are raised from. */
export const metricThresholdsSchema = z
  .object({
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
  })
  .refine(
    ({ direction, warning, critical }) =>
      warning === null ||
      critical === null ||
      (direction === "lower_is_better" ? warning <= critical : warning >= critical),
    {
      path: ["critical"],
      message: "must be at or beyond the warning threshold, in the direction the metric gets worse",
    },
  );
export type MetricThresholds = z.infer<typeof metricThresholdsSchema>;
