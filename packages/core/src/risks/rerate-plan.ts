import type { RiskMethodBody, RiskRating } from "@openaims/contracts";
import { type RiskLevels, type RiskRatings, rateRiskLevels, remapRiskLevels } from "./risk-assessment.js";

/** Risks that share the same levels and stored ratings; re-rating treats them alike. */
export interface RiskLevelGroup {
  levels: RiskLevels;
  inherentRating: RiskRating | null;
  residualRating: RiskRating | null;
  count: number;
}

/** What a new method does to one group. */
export interface ReratedGroup {
  group: RiskLevelGroup;
  levels: RiskLevels;
  ratings: RiskRatings;
  /** A level moved to another number because a scale changed size. */
  levelsChanged: boolean;
  /** The inherent or residual rating differs from the stored one. */
  ratingsChanged: boolean;
}

const levelKeys = ["inherentLikelihood", "inherentImpact", "residualLikelihood", "residualImpact"] as const;

/**
 * Re-rates groups of risks under a new method: levels are first moved onto the new scales
 * (`remapLevel`), then rated with the new matrix. Only groups where something changes are returned.
 */
export function planRerating(
  from: Pick<RiskMethodBody, "likelihoodLevels" | "impactLevels">,
  to: RiskMethodBody,
  groups: RiskLevelGroup[],
): ReratedGroup[] {
  const changed: ReratedGroup[] = [];
  for (const group of groups) {
    const levels = remapRiskLevels(from, to, group.levels);
    const ratings = rateRiskLevels(to, levels);
    const levelsChanged = levelKeys.some((key) => levels[key] !== group.levels[key]);
    const ratingsChanged =
      ratings.inherentRating !== group.inherentRating || ratings.residualRating !== group.residualRating;
    if (levelsChanged || ratingsChanged) changed.push({ group, levels, ratings, levelsChanged, ratingsChanged });
  }
  return changed;
}

/** Counts for showing what saving a method would do. */
export function summarizeRerating(groups: RiskLevelGroup[], plan: ReratedGroup[]) {
  const sum = (items: ReratedGroup[]) => items.reduce((total, item) => total + item.group.count, 0);
  return {
    riskCount: groups.reduce((total, group) => total + group.count, 0),
    reratedCount: sum(plan.filter((item) => item.ratingsChanged)),
    remappedCount: sum(plan.filter((item) => item.levelsChanged)),
  };
}
