import type { AlertLevel, MetricThresholds } from "@openaims/contracts";

/**
 * How far a value is beyond the metric's thresholds: critical, warning, or null when within them.
 * A value exactly at a threshold is within it; beyond means above it when lower is better, below
 * it when higher is better.
 */
export function breachLevel(thresholds: MetricThresholds, value: number): AlertLevel | null {
  const beyond = (threshold: number | null) =>
    threshold !== null && (thresholds.direction === "lower_is_better" ? value > threshold : value < threshold);
  if (beyond(thresholds.critical)) return "critical";
  if (beyond(thresholds.warning)) return "warning";
  return null;
}

/**
 * Whether data is missing: the metric expects an observation every `cadenceMinutes`, and none came
 * for longer than that since the last one (or, before any, since the metric was defined). A metric
 * without a cadence is never missing.
 */
export function isDataMissing(
  thresholds: Pick<MetricThresholds, "cadenceMinutes">,
  lastObservedAt: Date | null,
  definedAt: Date,
  now: Date,
): boolean {
  if (thresholds.cadenceMinutes === null) return false;
  const since = lastObservedAt ?? definedAt;
  return now.getTime() - since.getTime() > thresholds.cadenceMinutes * 60_000;
}
