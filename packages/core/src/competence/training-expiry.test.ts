import { describe, expect, it } from "vitest";
import { addMonthsToDate, courseKey, defaultTrainingExpiry, trainingValidity } from "./training-expiry.js";

describe("training expiry", () => {
  it("adds months as PostgreSQL does, keeping to the end of a shorter month", () => {
    expect(addMonthsToDate("2025-01-15", 12)).toBe("2026-01-15");
    expect(addMonthsToDate("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonthsToDate("2025-11-30", 3)).toBe("2026-02-28");
  });

  it("takes the shortest renewal among the course's requirements, or none", () => {
    expect(defaultTrainingExpiry("2025-03-01", [24, 12, null])).toBe("2026-03-01");
    expect(defaultTrainingExpiry("2025-03-01", [null])).toBeNull();
    expect(defaultTrainingExpiry("2025-03-01", [])).toBeNull();
  });

  it("matches courses ignoring case and surrounding spaces", () => {
    expect(courseKey("  AI Risk Basics ")).toBe(courseKey("ai risk basics"));
  });

  it("is expired from its expiry date, and expiring within the window before it", () => {
    expect(trainingValidity(null, "2025-06-01", 30)).toBe("current");
    expect(trainingValidity("2025-06-01", "2025-06-01", 30)).toBe("expired");
    expect(trainingValidity("2025-07-01", "2025-06-01", 30)).toBe("expiring");
    expect(trainingValidity("2025-07-02", "2025-06-01", 30)).toBe("current");
  });
});
