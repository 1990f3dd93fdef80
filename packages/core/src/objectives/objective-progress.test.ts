import { describe, expect, it } from "vitest";
import { checkObjectiveTarget, meetsTarget, objectiveProgressPercent, objectiveStateAt } from "./objective-progress.js";

const startedAt = new Date("2025-01-01T00:00:00Z");

describe("objectiveProgressPercent", () => {
  it("measures an increase from baseline to target", () => {
    expect(objectiveProgressPercent({ baseline: 50, target: 90, direction: "increase", value: 70 })).toBe(50);
    expect(objectiveProgressPercent({ baseline: 50, target: 90, direction: "increase", value: 95 })).toBe(100);
    expect(objectiveProgressPercent({ baseline: 50, target: 90, direction: "increase", value: 40 })).toBe(0);
  });

  it("measures a decrease from baseline down to target", () => {
    expect(objectiveProgressPercent({ baseline: 10, target: 2, direction: "decrease", value: 8 })).toBe(25);
    expect(objectiveProgressPercent({ baseline: 10, target: 2, direction: "decrease", value: 2 })).toBe(100);
    expect(objectiveProgressPercent({ baseline: 10, target: 2, direction: "decrease", value: 12 })).toBe(0);
  });

  it("cannot say without a baseline or a value", () => {
    expect(objectiveProgressPercent({ baseline: null, target: 2, direction: "decrease", value: 8 })).toBeNull();
    expect(objectiveProgressPercent({ baseline: 10, target: 2, direction: "decrease", value: null })).toBeNull();
  });

  it("counts a met target as 100 even without a baseline, and baseline = target as met or not", () => {
    expect(objectiveProgressPercent({ baseline: 5, target: 5, direction: "decrease", value: 5 })).toBe(100);
    expect(objectiveProgressPercent({ baseline: 5, target: 5, direction: "decrease", value: 6 })).toBe(0);
  });
});

describe("objectiveStateAt", () => {
  const base = { baseline: 0, target: 100, direction: "increase" as const, startedAt, dueDate: "2025-12-31" };

  it("is achieved once the target is met, even after the due date", () => {
    expect(objectiveStateAt({ ...base, value: 100, asOf: new Date("2026-03-01T00:00:00Z") })).toBe("achieved");
  });

  it("is missed once the due date has passed without meeting the target, data or not", () => {
    expect(objectiveStateAt({ ...base, value: 99, asOf: new Date("2026-01-01T00:00:00Z") })).toBe("missed");
    expect(objectiveStateAt({ ...base, value: null, asOf: new Date("2026-01-01T00:00:00Z") })).toBe("missed");
  });

  it("is not missed on its due date itself", () => {
    expect(objectiveStateAt({ ...base, value: 99, asOf: new Date("2025-12-31T23:00:00Z") })).toBe("on_track");
  });

  it("has no data before the first reading", () => {
    expect(objectiveStateAt({ ...base, value: null, asOf: new Date("2025-06-01T00:00:00Z") })).toBe("no_data");
  });

  it("is at risk when well behind a straight line to the due date", () => {
    const midYear = new Date("2025-07-02T00:00:00Z"); // about half way
    expect(objectiveStateAt({ ...base, value: 30, asOf: midYear })).toBe("at_risk");
    expect(objectiveStateAt({ ...base, value: 45, asOf: midYear })).toBe("on_track");
  });

  it("follows a decrease the same way", () => {
    const decrease = { ...base, baseline: 10, target: 2, direction: "decrease" as const };
    const midYear = new Date("2025-07-02T00:00:00Z");
    expect(objectiveStateAt({ ...decrease, value: 9, asOf: midYear })).toBe("at_risk");
    expect(objectiveStateAt({ ...decrease, value: 6, asOf: midYear })).toBe("on_track");
    expect(objectiveStateAt({ ...decrease, value: 1.5, asOf: midYear })).toBe("achieved");
  });

  it("is on track when lag cannot be judged: no baseline or no due date", () => {
    const midYear = new Date("2025-07-02T00:00:00Z");
    expect(objectiveStateAt({ ...base, baseline: null, value: 1, asOf: midYear })).toBe("on_track");
    expect(objectiveStateAt({ ...base, dueDate: null, value: 1, asOf: midYear })).toBe("on_track");
  });
});

describe("meetsTarget and checkObjectiveTarget", () => {
  it("compares in the objective's direction", () => {
    expect(meetsTarget(5, 5, "increase")).toBe(true);
    expect(meetsTarget(4, 5, "increase")).toBe(false);
    expect(meetsTarget(5, 5, "decrease")).toBe(true);
    expect(meetsTarget(6, 5, "decrease")).toBe(false);
  });

  it("refuses a target on the wrong side of the baseline", () => {
    expect(checkObjectiveTarget({ baseline: 10, target: 5, direction: "increase" }).ok).toBe(false);
    expect(checkObjectiveTarget({ baseline: 10, target: 15, direction: "decrease" }).ok).toBe(false);
    expect(checkObjectiveTarget({ baseline: 10, target: 10, direction: "decrease" }).ok).toBe(true);
    expect(checkObjectiveTarget({ baseline: null, target: 15, direction: "decrease" }).ok).toBe(true);
  });
});
