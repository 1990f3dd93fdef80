import { impactLikelihoods, impactSeverities } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { dimensionLevel, highestRating, rateImpact } from "./impact-rating.js";

describe("impact rating", () => {
  it("rates the corners and the middle of the matrix", () => {
    expect(rateImpact("negligible", "rare")).toBe("low");
    expect(rateImpact("moderate", "possible")).toBe("medium");
    expect(rateImpact("minor", "almost_certain")).toBe("high");
    expect(rateImpact("severe", "likely")).toBe("critical");
    expect(rateImpact("severe", "almost_certain")).toBe("critical");
  });

  it("never rates a severe effect low, and never lowers a level when severity or likelihood rises", () => {
    const order = ["low", "medium", "high", "critical"];
    for (const likelihood of impactLikelihoods) expect(rateImpact("severe", likelihood)).not.toBe("low");
    for (let s = 0; s < impactSeverities.length; s++) {
      for (let l = 0; l < impactLikelihoods.length; l++) {
        const here = order.indexOf(rateImpact(impactSeverities[s] as never, impactLikelihoods[l] as never));
        if (s + 1 < impactSeverities.length)
          expect(
            order.indexOf(rateImpact(impactSeverities[s + 1] as never, impactLikelihoods[l] as never)),
          ).toBeGreaterThanOrEqual(here);
        if (l + 1 < impactLikelihoods.length)
          expect(
            order.indexOf(rateImpact(impactSeverities[s] as never, impactLikelihoods[l + 1] as never)),
          ).toBeGreaterThanOrEqual(here);
      }
    }
  });

  it("leaves unrated and irrelevant dimensions without a level", () => {
    expect(dimensionLevel({ relevant: true, severity: "major", likelihood: null })).toBeNull();
    expect(dimensionLevel({ relevant: false, severity: "major", likelihood: "likely" })).toBeNull();
    expect(dimensionLevel({ relevant: true, severity: "major", likelihood: "likely" })).toBe("high");
  });

  it("picks the highest level", () => {
    expect(highestRating([null, "medium", "low", "high", null])).toBe("high");
    expect(highestRating([null, null])).toBeNull();
    expect(highestRating([])).toBeNull();
  });
});
