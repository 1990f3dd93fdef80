import type { RiskRating, RiskStatus, TreatmentActionStatus, TreatmentOption } from "@openaims/contracts";

export const ratingColors: Record<RiskRating, string> = {
  low: "green",
  medium: "yellow",
  high: "orange",
  critical: "red",
};

export const ratingLabels: Record<RiskRating, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
};

export const statusLabels: Record<RiskStatus, string> = {
  identified: "Identified",
  assessed: "Assessed",
  treating: "In treatment",
  accepted: "Accepted",
  closed: "Closed",
};

/** The four ways of treating a risk, in the words a risk owner uses. */
export const treatmentLabels: Record<TreatmentOption, string> = {
  modify: "Modify (reduce with controls)",
  avoid: "Avoid (stop the activity)",
  share: "Share (transfer, e.g. contract or insurance)",
  retain: "Retain (keep as is)",
};

export const actionStatusLabels: Record<TreatmentActionStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  cancelled: "Cancelled",
};
