import { roles } from "@openaims/contracts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  defaultRiskMethod,
  mayAcceptRating,
  rateRisk,
  ratingAtMost,
  remapLevel,
  validateRiskMethod,
} from "./risk-method-rules.js";

describe("risk method rules", () => {
  it("ships a valid 5 × 5 default whose ratings never fall as likelihood or impact rise", () => {
    const method = defaultRiskMethod();
    expect(validateRiskMethod(method)).toEqual([]);
    expect(method.likelihoodLevels).toHaveLength(5);
    expect(method.impactLevels).toHaveLength(5);
    for (let l = 1; l <= 5; l++)
      for (let i = 1; i <= 5; i++) {
        if (l < 5) expect(ratingAtMost(rateRisk(method, l, i), rateRisk(method, l + 1, i))).toBe(true);
        if (i < 5) expect(ratingAtMost(rateRisk(method, l, i), rateRisk(method, l, i + 1))).toBe(true);
      }
    expect(rateRisk(method, 1, 1)).toBe("low");
    expect(rateRisk(method, 5, 5)).toBe("critical");
    expect(Object.keys(method.acceptanceByRole).sort()).toEqual([...roles].sort());
  });

  it("names the matrix row or dimension that does not fit the scales", () => {
    const method = defaultRiskMethod();
    method.matrix = method.matrix.slice(0, 4);
    expect(validateRiskMethod(method)).toEqual([
      { field: "matrix", message: "has 4 rows but the likelihood scale has 5 levels" },
    ]);
    const narrow = defaultRiskMethod();
    narrow.matrix[2] = ["low", "low", "low"];
    expect(validateRiskMethod(narrow)).toEqual([
      { field: "matrix.2", message: "has 3 ratings but the impact scale has 5 levels" },
    ]);
    const tiny = defaultRiskMethod();
    tiny.impactLevels = tiny.impactLevels.slice(0, 2);
    tiny.matrix = tiny.matrix.map((row) => row.slice(0, 2));
    expect(validateRiskMethod(tiny).map((p) => p.field)).toEqual(["impactLevels"]);
  });

  it("refuses to rate a level outside the matrix", () => {
    expect(() => rateRisk(defaultRiskMethod(), 6, 1)).toThrow(RangeError);
  });

  it("remaps levels proportionally between scale sizes", () => {
    expect([1, 2, 3, 4, 5].map((l) => remapLevel(l, 5, 3))).toEqual([1, 2, 2, 3, 3]);
    expect([1, 2, 3].map((l) => remapLevel(l, 3, 5))).toEqual([1, 3, 5]);
    expect([1, 2, 3, 4].map((l) => remapLevel(l, 4, 6))).toEqual([1, 3, 4, 6]);
  });

  it("keeps remapping within the scale, order-preserving, and the identity for equal sizes", () => {
    const size = fc.integer({ min: 3, max: 6 });
    fc.assert(
      fc.property(size, size, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), (n, m, a, b) => {
        const [x, y] = [Math.min(a, n), Math.min(b, n)];
        const mx = remapLevel(x, n, m);
        expect(mx).toBeGreaterThanOrEqual(1);
        expect(mx).toBeLessThanOrEqual(m);
        if (x <= y) expect(mx).toBeLessThanOrEqual(remapLevel(y, n, m));
        expect(remapLevel(x, n, n)).toBe(x);
        expect(remapLevel(1, n, m)).toBe(1);
        expect(remapLevel(n, n, m)).toBe(m);
      }),
    );
  });

  it("lets a role accept up to its limit and no further", () => {
    const method = defaultRiskMethod();
    expect(mayAcceptRating(method, "compliance_manager", "medium")).toBe(true);
    expect(mayAcceptRating(method, "compliance_manager", "high")).toBe(false);
    expect(mayAcceptRating(method, "contributor", "low")).toBe(false);
    expect(mayAcceptRating(method, "owner", "critical")).toBe(true);
  });
});
