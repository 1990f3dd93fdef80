import { metricThresholdsSchema } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { breachLevel, isDataMissing } from "./evaluate-observation.js";

const errorRate = { direction: "lower_is_better", warning: 0.05, critical: 0.1, cadenceMinutes: 60 } as const;
const accuracy = { direction: "higher_is_better", warning: 0.9, critical: 0.8, cadenceMinutes: null } as const;

describe("a metric observation against its thresholds", () => {
  it("is critical, a warning or within bounds in the direction the metric gets worse", () => {
    expect(breachLevel(errorRate, 0.2)).toBe("critical");
    expect(breachLevel(errorRate, 0.1)).toBe("warning");
    expect(breachLevel(errorRate, 0.07)).toBe("warning");
    expect(breachLevel(errorRate, 0.05)).toBeNull();
    expect(breachLevel(errorRate, -1)).toBeNull();
    expect(breachLevel(accuracy, 0.5)).toBe("critical");
    expect(breachLevel(accuracy, 0.85)).toBe("warning");
    expect(breachLevel(accuracy, 0.9)).toBeNull();
    expect(breachLevel(accuracy, 0.99)).toBeNull();
  });

  it("uses whichever thresholds are set", () => {
    expect(breachLevel({ ...errorRate, warning: null }, 0.07)).toBeNull();
    expect(breachLevel({ ...errorRate, warning: null }, 0.11)).toBe("critical");
    expect(breachLevel({ ...errorRate, critical: null }, 1e9)).toBe("warning");
    expect(breachLevel({ ...errorRate, warning: null, critical: null }, 1e9)).toBeNull();
  });

  it("accepts thresholds only in the order the metric worsens", () => {
    expect(metricThresholdsSchema.safeParse(errorRate).success).toBe(true);
    expect(metricThresholdsSchema.safeParse(accuracy).success).toBe(true);
    const reversed = metricThresholdsSchema.safeParse({ ...errorRate, warning: 0.2 });
    expect(reversed.success).toBe(false);
    expect(reversed.error?.issues[0]?.path).toEqual(["critical"]);
    expect(metricThresholdsSchema.safeParse({ ...accuracy, critical: 0.95 }).success).toBe(false);
    expect(metricThresholdsSchema.safeParse({ ...errorRate, warning: Number.NaN }).success).toBe(false);
    expect(metricThresholdsSchema.safeParse({ ...errorRate, critical: Number.POSITIVE_INFINITY }).success).toBe(false);
  });
});

describe("missing data", () => {
  const definedAt = new Date("2026-12-01T00:00:00Z");
  const at = (minutes: number) => new Date(definedAt.getTime() + minutes * 60_000);

  it("is missing once longer than the cadence has passed without an observation", () => {
    expect(isDataMissing(errorRate, at(30), definedAt, at(90))).toBe(false);
    expect(isDataMissing(errorRate, at(30), definedAt, at(91))).toBe(true);
  });

  it("counts from the definition before the first observation, and never without a cadence", () => {
    expect(isDataMissing(errorRate, null, definedAt, at(60))).toBe(false);
    expect(isDataMissing(errorRate, null, definedAt, at(61))).toBe(true);
    expect(isDataMissing(accuracy, null, definedAt, at(1e6))).toBe(false);
  });
});
