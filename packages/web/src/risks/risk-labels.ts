import { enumLabels, type RiskRating } from "@openaims/contracts";

export const ratingColors: Record<RiskRating, string> = {
  low: "green",
  medium: "yellow",
  high: "orange",
  critical: "red",
};

export const ratingLabels = enumLabels.riskRating;

export const statusLabels = enumLabels.riskStatus;

/** The four ways of treating a risk, in the words a risk owner uses. */
export const treatmentLabels = enumLabels.treatmentOption;

export const actionStatusLabels = enumLabels.treatmentActionStatus;
