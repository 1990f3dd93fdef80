import { describe, expect, it } from "vitest";
import {
  checkRiskLevels,
  levelFromFivePointScale,
  needsTreatment,
  rateRiskLevels,
  remapRiskLevels,
} from "./risk-assessment.js";
import { defaultRiskMethod } from "./risk-method-rules.js";

const none = { inherentLikelihood: null, inherentImpact: null, residualLikelihood: null, residualImpact: null };

describe("risk assessment", () => {
  const method = defaultRiskMethod();

  it("rates inherent and residual levels, preferring the residual as the current rating", () => {
    const rated = rateRiskLevels(method, {
      ...none,
      inherentLikelihood: 5,
      inherentImpact: 5,
      residualLikelihood: 2,
      residualImpact: 2,
    });
    expect(rated).toEqual({ inherentRating: "critical", residualRating: "low", currentRating: "low", ratingRank: 1 });
    expect(rateRiskLevels(method, { ...none, inherentLikelihood: 4, inherentImpact: 3 })).toMatchObject({
      currentRating: "high",
      residualRating: null,
      ratingRank: 3,
    });
    expect(rateRiskLevels(method, none)).toEqual({
      inherentRating: null,
      residualRating: null,
      currentRating: null,
      ratingRank: 0,
    });
  });

  it("names a half-given pair and a level beyond the scale", () => {
    expect(checkRiskLevels(method, { ...none, inherentLikelihood: 2 })).toEqual([
      { field: "inherentImpact", message: "is needed together with inherentLikelihood" },
    ]);
    expect(checkRiskLevels(method, { ...none, residualLikelihood: 6, residualImpact: 1 })).toEqual([
      { field: "residualLikelihood", message: "must be between 1 and 5 on this organisation's likelihood scale" },
    ]);
    expect(checkRiskLevels(method, { ...none, inherentLikelihood: 1, inherentImpact: 1 })).toEqual([]);
  });

  it("moves levels onto a smaller method's scales", () => {
    const small = {
      likelihoodLevels: method.likelihoodLevels.slice(0, 3),
      impactLevels: method.impactLevels.slice(0, 4),
    };
    expect(remapRiskLevels(method, small, { ...none, inherentLikelihood: 5, inherentImpact: 3 })).toEqual({
      ...none,
      inherentLikelihood: 3,
      inherentImpact: 3,
    });
  });

  it("flags ratings above the level acceptable without treatment", () => {
    expect(needsTreatment(method, "low")).toBe(false);
    expect(needsTreatment(method, "medium")).toBe(true);
    expect(needsTreatment(method, null)).toBe(false);
  });

  it("maps the library's five-point defaults onto any scale", () => {
    expect(levelFromFivePointScale(3, 5)).toBe(3);
    expect(levelFromFivePointScale(5, 3)).toBe(3);
    expect(levelFromFivePointScale(1, 4)).toBe(1);
    expect(levelFromFivePointScale(9, 4)).toBe(4);
  });
});
