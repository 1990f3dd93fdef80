import type { ObjectiveState, ObjectiveStatus } from "@openaims/contracts";
import type { Tone } from "../ui/status-tones";

/** Met, on its way, falling behind, lapsed, or not yet read. */
export const stateTone: Record<ObjectiveState, Tone> = {
  achieved: "success",
  on_track: "progress",
  at_risk: "attention",
  missed: "danger",
  no_data: "neutral",
};

export const statusTone: Record<ObjectiveStatus, Tone> = {
  active: "progress",
  achieved: "success",
  missed: "danger",
  cancelled: "neutral",
};

export const progressColor: Record<ObjectiveState, string> = {
  achieved: "green",
  on_track: "blue",
  at_risk: "orange",
  missed: "red",
  no_data: "gray",
};
