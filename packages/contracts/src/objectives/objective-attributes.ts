import { z } from "zod";

/** How an objective is measured: described and read by hand, or from a metric of the monitoring module. */
export const objectiveMeasureKinds = ["manual", "metric"] as const;
export const objectiveMeasureKindSchema = z.enum(objectiveMeasureKinds, {
  message: "must be manual (read by hand) or metric (a monitored metric)",
});
export type ObjectiveMeasureKind = z.infer<typeof objectiveMeasureKindSchema>;

/** increase: reach at least the target; decrease: stay at or below the target. */
export const objectiveDirections = ["increase", "decrease"] as const;
export const objectiveDirectionSchema = z.enum(objectiveDirections, {
  message: "must be increase (reach at least the target) or decrease (stay at or below the target)",
});
export type ObjectiveDirection = z.infer<typeof objectiveDirectionSchema>;

/** Where the objective stands as a piece of work: decided by its owner, not computed. */
export const objectiveStatuses = ["active", "achieved", "missed", "cancelled"] as const;
export const objectiveStatusSchema = z.enum(objectiveStatuses, {
  message: `must be one of: ${objectiveStatuses.join(", ")}`,
});
export type ObjectiveStatus = z.infer<typeof objectiveStatusSchema>;

/**
 * Where the measure stands, computed from the readings: the target met (achieved), the due date
 * passed without meeting it (missed), behind a straight line from start to due date (at_risk), on
 * track, or nothing read yet (no_data).
 */
export const objectiveStates = ["on_track", "at_risk", "achieved", "missed", "no_data"] as const;
export const objectiveStateSchema = z.enum(objectiveStates);
export type ObjectiveState = z.infer<typeof objectiveStateSchema>;

/** Where a progress reading came from: typed in, or copied from the metric's observations. */
export const objectiveProgressSources = ["manual", "metric"] as const;
export const objectiveProgressSourceSchema = z.enum(objectiveProgressSources);
export type ObjectiveProgressSource = z.infer<typeof objectiveProgressSourceSchema>;

/** The status an objective may move to: closed as achieved, missed or cancelled, or reopened. */
export const objectiveStatusSteps: Readonly<Record<ObjectiveStatus, readonly ObjectiveStatus[]>> = {
  active: ["achieved", "missed", "cancelled"],
  achieved: ["active"],
  missed: ["active"],
  cancelled: ["active"],
};
