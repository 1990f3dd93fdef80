import type { AlertLevel, AlertStatus, MetricState } from "@openaims/contracts";
import type { Tone } from "../ui/status-tones";

/** Needs someone, being looked at, dealt with. */
export const alertStatusTone: Record<AlertStatus, Tone> = {
  open: "danger",
  acknowledged: "progress",
  resolved: "success",
};

export const alertLevelTone: Record<AlertLevel, Tone> = { warning: "attention", critical: "danger" };

export const metricStateTone: Record<MetricState, Tone> = {
  within_bounds: "success",
  warning: "attention",
  critical: "danger",
  no_data: "neutral",
};
