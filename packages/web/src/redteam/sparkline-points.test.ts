import { describe, expect, it } from "vitest";
import { sparklinePoints } from "./sparkline-points";

describe("sparklinePoints", () => {
  it("spreads values across the width, the highest at the top", () => {
    expect(sparklinePoints([0, 5, 10], 104, 24)).toBe("2,22 52,12 102,2");
  });

  it("draws a flat line at the bottom when nothing was found, and centres a single point", () => {
    expect(sparklinePoints([0, 0], 20, 10)).toBe("2,8 18,8");
    expect(sparklinePoints([3], 20, 10)).toBe("10,2");
    expect(sparklinePoints([], 20, 10)).toBe("");
  });
});
