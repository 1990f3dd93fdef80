import type { RedteamSeverity, RiskMethodBody, RiskRating } from "@openaims/contracts";
import { levelFromFivePointScale, ratingRank } from "@openaims/core";

/** The rating a finding of each severity should carry; info is still a weakness worth a low risk. */
const targetRating: Record<RedteamSeverity, RiskRating> = {
  info: "low",
  low: "low",
  medium: "medium",
  high: "high",
  critical: "critical",
};

/** Impact on the five-point scale each severity suggests. */
const impactOnFivePoints: Record<RedteamSeverity, number> = { info: 1, low: 2, medium: 3, high: 4, critical: 5 };

/** A demonstrated weakness is "likely" (4 of 5): the scan showed it can be exploited. */
const OBSERVED_LIKELIHOOD = 4;

/**
 * Inherent likelihood and impact for a risk raised from a finding, on the organisation's own scales.
 * Starts from "likely" and an impact that follows the severity, then picks the cell of the method's
 * matrix nearest to that point whose rating matches the severity (critical → critical, high → high,
 * medium → medium, low and info → low). Moving the impact counts double, so the impact stays close
 * to what the severity says. A method without a matching rating gets the nearest rating it has.
 */
export function levelsForSeverity(
  method: Pick<RiskMethodBody, "matrix" | "likelihoodLevels" | "impactLevels">,
  severity: RedteamSeverity,
): { inherentLikelihood: number; inherentImpact: number } {
  const likelihoods = method.likelihoodLevels.length;
  const impacts = method.impactLevels.length;
  const wantedL = levelFromFivePointScale(OBSERVED_LIKELIHOOD, likelihoods);
  const wantedI = levelFromFivePointScale(impactOnFivePoints[severity], impacts);
  const wantedRank = ratingRank(targetRating[severity]);
  let best = { inherentLikelihood: wantedL, inherentImpact: wantedI, cost: Number.POSITIVE_INFINITY };
  for (let l = 1; l <= likelihoods; l++) {
    for (let i = 1; i <= impacts; i++) {
      const rating = method.matrix[l - 1]?.[i - 1];
      if (!rating) continue;
      const ratingGap = Math.abs(ratingRank(rating) - wantedRank);
      const cost = ratingGap * 1000 + 2 * Math.abs(i - wantedI) + Math.abs(l - wantedL);
      if (cost < best.cost) best = { inherentLikelihood: l, inherentImpact: i, cost };
    }
  }
  return { inherentLikelihood: best.inherentLikelihood, inherentImpact: best.inherentImpact };
}
