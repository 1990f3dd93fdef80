import {
  type ImpactAssessmentStatus,
  type ImpactLikelihood,
  type ImpactOutcome,
  type ImpactScope,
  type ImpactSeverity,
  impactDimensionGuide,
  type ResidualConcernLevel,
  type RiskRating,
  type SystemImpactState,
} from "@openaims/contracts";
import type { Dimension } from "./impact-types";

/** Link to the module's pages: the overview, a system's history, or one revision. */
export const impactPaths = {
  overview: (orgId: string) => `/o/${orgId}/impact-assessments`,
  system: (orgId: string, systemId: string) => `/o/${orgId}/impact-assessments/systems/${systemId}`,
  assessment: (orgId: string, id: string) => `/o/${orgId}/impact-assessments/${id}`,
};

export const stateLabels: Record<SystemImpactState, { label: string; color: string }> = {
  none: { label: "Not assessed", color: "gray" },
  draft: { label: "Draft", color: "blue" },
  submitted: { label: "Awaiting approval", color: "violet" },
  approved: { label: "Approved", color: "green" },
  stale: { label: "Stale", color: "red" },
};

export const statusLabels: Record<ImpactAssessmentStatus, { label: string; color: string }> = {
  draft: { label: "Draft", color: "blue" },
  submitted: { label: "Awaiting approval", color: "violet" },
  approved: { label: "Approved", color: "green" },
  superseded: { label: "Superseded", color: "gray" },
};

export const scopeLabels: Record<ImpactScope, string> = {
  individuals: "Individuals",
  groups: "Groups",
  society: "Society",
};

export const severityLabels: Record<ImpactSeverity, string> = {
  negligible: "Negligible",
  minor: "Minor",
  moderate: "Moderate",
  major: "Major",
  severe: "Severe",
};

export const likelihoodLabels: Record<ImpactLikelihood, string> = {
  rare: "Rare",
  unlikely: "Unlikely",
  possible: "Possible",
  likely: "Likely",
  almost_certain: "Almost certain",
};

export const residualLabels: Record<ResidualConcernLevel, string> = {
  none: "None",
  low: "Low",
  medium: "Medium",
  high: "High",
};

export const outcomeLabels: Record<ImpactOutcome, string> = {
  acceptable: "Acceptable",
  acceptable_with_conditions: "Acceptable with conditions",
  not_acceptable: "Not acceptable",
};

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
