import { describe, expect, it } from "vitest";
import { vendorFieldProblems } from "./vendor-rules.js";

describe("vendorFieldProblems", () => {
  it("refuses a next review before the last one", () => {
    expect(vendorFieldProblems({ lastReviewDate: "2026-05-01", nextReviewDate: "2026-04-30" })).toEqual([
      expect.objectContaining({ field: "nextReviewDate" }),
    ]);
  });

  it("accepts ordered or missing dates", () => {
    expect(vendorFieldProblems({ lastReviewDate: "2026-05-01", nextReviewDate: "2026-05-01" })).toEqual([]);
    expect(vendorFieldProblems({ lastReviewDate: null, nextReviewDate: "2020-01-01" })).toEqual([]);
    expect(vendorFieldProblems({ lastReviewDate: "2026-05-01", nextReviewDate: null })).toEqual([]);
  });
});
