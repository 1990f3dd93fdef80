import type { RiskMethodBody, RiskRating } from "@openaims/contracts";
import { rateRisk, ratingAtMost, ratingRank, remapLevel } from "./risk-method-rules.js";

/** Likelihood and impact levels of a risk, before and after treatment; null where not assessed. */
export interface RiskLevels {
  inherentLikelihood: number | null;
  inherentImpact: number | null;
  residualLikelihood: number | null;
  residualImpact: number | null;
}

export interface RiskRatings {
  inherentRating: RiskRating | null;
  residualRating: RiskRating | null;
  /** Residual once assessed, else inherent. */
  currentRating: RiskRating | null;
  /** Sort key of the current rating: 0 unrated, 1 low … 4 critical. */
  ratingRank: number;
}

/** Which pair of fields is incomplete or outside a scale, named as the request names them. */
export interface LevelProblem {
  field: keyof RiskLevels;
  message: string;
}

/**
 * Checks that each assessment is a complete pair and that every level is on the method's scales.
 * A likelihood without an impact (or the reverse) cannot be rated.
 */
export function checkRiskLevels(method: RiskMethodBody, levels: RiskLevels): LevelProblem[] {
  const problems: LevelProblem[] = [];
  const pairs = [
    ["inherentLikelihood", "inherentImpact"],
    ["residualLikelihood", "residualImpact"],
  ] as const;
  for (const [likelihoodField, impactField] of pairs) {
    const likelihood = levels[likelihoodField];
    const impact = levels[impactField];
    if ((likelihood === null) !== (impact === null)) {
      const missing = likelihood === null ? likelihoodField : impactField;
      problems.push({
        field: missing,
        message: `is needed together with ${likelihood === null ? impactField : likelihoodField}`,
      });
    }
    if (likelihood !== null && likelihood > method.likelihoodLevels.length)
      problems.push({
        field: likelihoodField,
        message: `must be between 1 and ${method.likelihoodLevels.length} on this organisation's likelihood scale`,
      });
    if (impact !== null && impact > method.impactLevels.length)
      problems.push({
        field: impactField,
        message: `must be between 1 and ${method.impactLevels.length} on this organisation's impact scale`,
      });
  }
  return problems;
}

/** The ratings the method gives a risk's levels; call after `checkRiskLevels` found nothing. */
export function rateRiskLevels(method: Pick<RiskMethodBody, "matrix">, levels: RiskLevels): RiskRatings {
  const rate = (l: number | null, i: number | null) => (l === null || i === null ? null : rateRisk(method, l, i));
  const inherentRating = rate(levels.inherentLikelihood, levels.inherentImpact);
  const residualRating = rate(levels.residualLikelihood, levels.residualImpact);
  const currentRating = residualRating ?? inherentRating;
  return {
    inherentRating,
    residualRating,
    currentRating,
    ratingRank: currentRating ? ratingRank(currentRating) + 1 : 0,
  };
}

/** Moves a risk's levels from the scales of one method to those of another (see `remapLevel`). */
export function remapRiskLevels(
  from: Pick<RiskMethodBody, "likelihoodLevels" | "impactLevels">,
  to: Pick<RiskMethodBody, "likelihoodLevels" | "impactLevels">,
  levels: RiskLevels,
): RiskLevels {
  const l = (value: number | null) =>
    value === null ? null : remapLevel(value, from.likelihoodLevels.length, to.likelihoodLevels.length);
  const i = (value: number | null) =>
    value === null ? null : remapLevel(value, from.impactLevels.length, to.impactLevels.length);
  return {
    inherentLikelihood: l(levels.inherentLikelihood),
    inherentImpact: i(levels.inherentImpact),
    residualLikelihood: l(levels.residualLikelihood),
    residualImpact: i(levels.residualImpact),
  };
}

/** True while a rating is above what the method accepts without treatment. */
export function needsTreatment(
  method: Pick<RiskMethodBody, "acceptableWithoutTreatment">,
  rating: RiskRating | null,
): boolean {
  return rating !== null && !ratingAtMost(rating, method.acceptableWithoutTreatment);
}

/**
 * Maps a level given on a 1–5 scale (the threat library's defaults) onto a scale of `size` levels.
 */
export function levelFromFivePointScale(level: number, size: number): number {
  return remapLevel(Math.min(5, Math.max(1, Math.round(level))), 5, size);
}
