import type { MetricState, MetricThresholds } from "@openaims/contracts";
import { breachLevel } from "./evaluate-observation.js";

/** A metric's state at a glance: its latest value against its thresholds, or no data yet. */
export function metricState(thresholds: MetricThresholds, latest: number | null): MetricState {
  if (latest === null) return "no_data";
  return breachLevel(thresholds, latest) ?? "within_bounds";
}
