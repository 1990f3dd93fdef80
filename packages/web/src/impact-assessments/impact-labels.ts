import { enumLabels, impactDimensionGuide, type RiskRating } from "@openaims/contracts";
import type { Dimension } from "./impact-types";

/** Link to the module's pages: the overview, a system's history, or one revision. */
export const impactPaths = {
  overview: (orgId: string) => `/o/${orgId}/impact-assessments`,
  system: (orgId: string, systemId: string) => `/o/${orgId}/impact-assessments/systems/${systemId}`,
  assessment: (orgId: string, id: string) => `/o/${orgId}/impact-assessments/${id}`,
};

export const scopeLabels = enumLabels.impactScope;

export const severityLabels = enumLabels.impactSeverity;

export const likelihoodLabels = enumLabels.impactLikelihood;

export const residualLabels = enumLabels.residualConcernLevel;

export const outcomeLabels = enumLabels.impactOutcome;

export const levelColors: Record<RiskRating, string> = {
  low: "green",
  medium: "yellow",
  // A light shade, so autoContrast puts dark text on it (white on orange falls short of 4.5:1).
  high: "orange.4",
  critical: "red",
};

/** A dimension's display name: the standard label, or the author's title for a custom one. */
export function dimensionTitle(dimension: Pick<Dimension, "key" | "title">): string {
  if (dimension.key === "custom") return dimension.title || "Other effect";
  return impactDimensionGuide[dimension.key].label;
}
