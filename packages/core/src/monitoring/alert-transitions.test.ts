import { alertStatuses } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { alertSteps, checkAlertTransition } from "./alert-transitions.js";
import { chartBucketSeconds } from "./chart-buckets.js";
import { metricState } from "./metric-state.js";

describe("alert status steps", () => {
  it("go open → acknowledged → resolved, or straight to resolved", () => {
    expect(checkAlertTransition("open", "acknowledged")).toEqual({ ok: true });
    expect(checkAlertTransition("open", "resolved")).toEqual({ ok: true });
    expect(checkAlertTransition("acknowledged", "resolved")).toEqual({ ok: true });
  });

  it("refuse any other step, naming the allowed ones", () => {
    expect(checkAlertTransition("acknowledged", "acknowledged")).toEqual({
      ok: false,
      reason: "An alert that is acknowledged can be resolved, not acknowledged.",
      allowed: ["resolved"],
    });
    expect(checkAlertTransition("resolved", "acknowledged")).toMatchObject({ ok: false, allowed: [] });
    for (const status of alertStatuses) expect(alertSteps[status]).not.toContain("open");
  });
});

describe("chart buckets", () => {
  const from = new Date("2025-12-01T00:00:00Z");
  const to = new Date("2026-12-01T00:00:00Z");
  it("leave a range that fits alone, and sum up a year of hourly values in at most 1,000 points", () => {
    expect(chartBucketSeconds(from, to, 1000)).toBeNull();
    const width = chartBucketSeconds(from, to, 8760);
    expect(width).toBe(31_536);
    expect((to.getTime() - from.getTime()) / 1000 / (width ?? 1)).toBeLessThanOrEqual(1000);
  });
});

describe("metric state", () => {
  const thresholds = { direction: "lower_is_better", warning: 1, critical: 2, cadenceMinutes: null } as const;
  it("compares the latest value with the thresholds", () => {
    expect(metricState(thresholds, null)).toBe("no_data");
    expect(metricState(thresholds, 0.5)).toBe("within_bounds");
    expect(metricState(thresholds, 1.5)).toBe("warning");
    expect(metricState(thresholds, 3)).toBe("critical");
  });
});
