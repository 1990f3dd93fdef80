import { describe, expect, it } from "vitest";
import { planRerating, summarizeRerating } from "./rerate-plan.js";
import { defaultRiskMethod } from "./risk-method-rules.js";

const levels = (il: number | null, ii: number | null, rl: number | null = null, ri: number | null = null) => ({
  inherentLikelihood: il,
  inherentImpact: ii,
  residualLikelihood: rl,
  residualImpact: ri,
});

describe("re-rating plan", () => {
  const before = defaultRiskMethod();

  it("changes nothing when the method is unchanged", () => {
    const groups = [{ levels: levels(3, 3), inherentRating: "medium" as const, residualRating: null, count: 4 }];
    expect(planRerating(before, before, groups)).toEqual([]);
  });

  it("re-rates through a stricter matrix and counts the affected risks", () => {
    const stricter = defaultRiskMethod();
    stricter.matrix[2] = ["medium", "medium", "high", "high", "critical"];
    const groups = [
      { levels: levels(3, 3), inherentRating: "medium" as const, residualRating: null, count: 4 },
      { levels: levels(1, 1), inherentRating: "low" as const, residualRating: null, count: 2 },
      { levels: levels(null, null), inherentRating: null, residualRating: null, count: 1 },
    ];
    const plan = planRerating(before, stricter, groups);
    expect(plan).toHaveLength(1);
    expect(plan[0]?.ratings.inherentRating).toBe("high");
    expect(plan[0]?.levelsChanged).toBe(false);
    expect(summarizeRerating(groups, plan)).toEqual({ riskCount: 7, reratedCount: 4, remappedCount: 0 });
  });

  it("moves levels onto a shrunk scale before rating", () => {
    const three = defaultRiskMethod();
    three.likelihoodLevels = three.likelihoodLevels.slice(0, 3);
    three.impactLevels = three.impactLevels.slice(0, 3);
    three.matrix = [
      ["low", "low", "medium"],
      ["low", "medium", "high"],
      ["medium", "high", "critical"],
    ];
    const groups = [
      { levels: levels(5, 5, 1, 2), inherentRating: "critical" as const, residualRating: "low" as const, count: 1 },
    ];
    const [item] = planRerating(before, three, groups);
    expect(item?.levels).toEqual(levels(3, 3, 1, 2));
    expect(item?.ratings).toMatchObject({ inherentRating: "critical", residualRating: "low" });
    expect(item?.levelsChanged).toBe(true);
    expect(item?.ratingsChanged).toBe(false);
  });
});
