import type { RiskMethodBody } from "@openaims/contracts";
import { defaultRiskMethod, rateRisk } from "@openaims/core";
import { describe, expect, it } from "vitest";
import { levelsForSeverity } from "./severity-rating.js";

const rated = (method: RiskMethodBody, severity: Parameters<typeof levelsForSeverity>[1]) => {
  const levels = levelsForSeverity(method, severity);
  return { ...levels, rating: rateRisk(method, levels.inherentLikelihood, levels.inherentImpact) };
};

describe("levelsForSeverity", () => {
  const method = defaultRiskMethod();

  it("rates each severity as the same rating on the default 5×5 method", () => {
    expect(rated(method, "critical")).toEqual({ inherentLikelihood: 4, inherentImpact: 5, rating: "critical" });
    expect(rated(method, "high")).toEqual({ inherentLikelihood: 4, inherentImpact: 4, rating: "high" });
    expect(rated(method, "medium")).toEqual({ inherentLikelihood: 3, inherentImpact: 3, rating: "medium" });
    expect(rated(method, "low").rating).toBe("low");
    expect(rated(method, "info").rating).toBe("low");
  });

  it("uses the organisation's scales when they are smaller", () => {
    const small: RiskMethodBody = {
      ...method,
      likelihoodLevels: method.likelihoodLevels.slice(0, 3),
      impactLevels: method.impactLevels.slice(0, 3),
      matrix: [
        ["low", "low", "medium"],
        ["low", "medium", "high"],
        ["medium", "high", "high"],
      ],
    };
    const high = rated(small, "high");
    expect(high.rating).toBe("high");
    expect(high.inherentImpact).toBeLessThanOrEqual(3);
    // No cell is critical: the nearest rating the method has.
    expect(rated(small, "critical").rating).toBe("high");
  });
});
