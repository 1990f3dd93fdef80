import {
  type ImpactLikelihood,
  type ImpactSeverity,
  impactLikelihoods,
  impactSeverities,
  type RiskRating,
  riskRatings,
} from "@openaims/contracts";

/**
 * Impact level before mitigation: severity rank × likelihood rank on 1–5 scales, so the product
 * runs 1–25. Up to 4 is low, up to 9 medium, up to 16 high, above critical — a severe effect is
 * never low, and an almost certain minor one (10) is high because it reaches people all the time.
 */
export function rateImpact(severity: ImpactSeverity, likelihood: ImpactLikelihood): RiskRating {
  const score = (impactSeverities.indexOf(severity) + 1) * (impactLikelihoods.indexOf(likelihood) + 1);
  if (score <= 4) return "low";
  if (score <= 9) return "medium";
  if (score <= 16) return "high";
  return "critical";
}

/** The level of a dimension, or null when it is not relevant or not yet rated. */
export function dimensionLevel(dimension: {
  relevant: boolean;
  severity: ImpactSeverity | null;
  likelihood: ImpactLikelihood | null;
}): RiskRating | null {
  if (!dimension.relevant || !dimension.severity || !dimension.likelihood) return null;
  return rateImpact(dimension.severity, dimension.likelihood);
}

/** The highest of several levels; null when none is given. */
export function highestRating(levels: ReadonlyArray<RiskRating | null>): RiskRating | null {
  let highest: RiskRating | null = null;
  for (const level of levels) {
    if (level && (highest === null || riskRatings.indexOf(level) > riskRatings.indexOf(highest))) highest = level;
  }
  return highest;
}
