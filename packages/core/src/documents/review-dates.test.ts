import { describe, expect, it } from "vitest";
import { addMonths, approvalDates, checkReviewDates, isoDate, isReviewOverdue } from "./review-dates.js";

describe("review dates", () => {
  it("adds months without spilling into the next month", () => {
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2025-03-15", 12)).toBe("2026-03-15");
    expect(addMonths("2025-11-30", 3)).toBe("2026-02-28");
  });

  it("fills approval dates from the request, then the draft, then today plus a year", () => {
    const today = "2025-06-01";
    expect(approvalDates({ today, requested: {}, draft: { effectiveDate: null, nextReviewDate: null } })).toEqual({
      effectiveDate: "2025-06-01",
      nextReviewDate: "2026-06-01",
    });
    expect(
      approvalDates({
        today,
        requested: { nextReviewDate: "2025-12-01" },
        draft: { effectiveDate: "2025-07-01", nextReviewDate: "2026-01-01" },
      }),
    ).toEqual({ effectiveDate: "2025-07-01", nextReviewDate: "2025-12-01" });
  });

  it("wants the next review after the effective date", () => {
    expect(checkReviewDates("2025-06-01", "2025-06-01")).toMatch(/after/);
    expect(checkReviewDates("2025-06-01", "2026-06-01")).toBeNull();
    expect(checkReviewDates(null, "2020-01-01")).toBeNull();
  });

  it("flags a review date in the past only", () => {
    expect(isReviewOverdue("2025-05-31", "2025-06-01")).toBe(true);
    expect(isReviewOverdue("2025-06-01", "2025-06-01")).toBe(false);
    expect(isReviewOverdue(null, "2025-06-01")).toBe(false);
    expect(isoDate(new Date("2025-06-01T23:59:59Z"))).toBe("2025-06-01");
  });
});
