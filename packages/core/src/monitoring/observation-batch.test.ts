import { describe, expect, it } from "vitest";
import { checkObservationBatch } from "./observation-batch.js";

const now = new Date("2026-12-01T12:00:00Z");
const metrics = new Map([
  ["error_rate", "m-1"],
  ["latency_p95_ms", "m-2"],
]);

describe("a batch of metric observations", () => {
  it("accepts numbers and numeric text, at a given time or now", () => {
    const result = checkObservationBatch(
      [
        { metric: "error_rate", value: 0.02, at: "2026-12-01T11:00:00Z" },
        { metric: " latency_p95_ms ", value: "412.5", at: "2026-12-01T13:04:00+01:00" },
        { metric: "error_rate", value: -3 },
      ],
      metrics,
      now,
    );
    expect(result).toEqual({
      ok: true,
      observations: [
        { metricId: "m-1", value: 0.02, at: new Date("2026-12-01T11:00:00Z") },
        { metricId: "m-2", value: 412.5, at: new Date("2026-12-01T12:04:00Z") },
        { metricId: "m-1", value: -3, at: now },
      ],
    });
  });

  it("refuses the whole batch, naming every bad row and field", () => {
    const result = checkObservationBatch(
      [
        { metric: "error_rate", value: 0.01 },
        { metric: "accuracy", value: 0.9 },
        { metric: "error_rate", value: "NaN" },
        { metric: "error_rate", value: Number.POSITIVE_INFINITY },
        { metric: "error_rate", value: "1e999" },
        { metric: "error_rate", value: 1, at: "2026-12-01T14:00:00Z" },
        { metric: "error_rate", value: 1, at: "2026-12-01 11:00" },
        { metric: "error_rate", value: 1, at: "2026-02-30T11:00:00Z" },
        { metric: "error_rate", value: 1, at: "2026-11-30T24:00:00Z" },
        { metric: "", value: null },
      ],
      metrics,
      now,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.row} ${p.field}: ${p.message}`)).toEqual([
      '2 metric: no metric named "accuracy" is defined for this system',
      '3 value: must be a finite number, not "NaN"',
      "4 value: must be a finite number",
      '5 value: must be a finite number, not "1e999"',
      "6 at: is 120 minutes ahead of the server's clock; observations cannot come from the future",
      "7 at: must be an ISO 8601 time with a time zone, such as 2026-12-01T09:30:00Z",
      "8 at: is not a real date and time",
      "9 at: is not a real date and time",
      "10 metric: must name a metric",
      "10 value: must be a number",
    ]);
  });

  it("takes a leap day and a time without seconds", () => {
    const result = checkObservationBatch(
      [
        { metric: "error_rate", value: 1, at: "2024-02-29T23:59Z" },
        { metric: "error_rate", value: 1, at: "2026-12-01T11:59:59.123456+00:00" },
      ],
      metrics,
      now,
    );
    expect(result.ok).toBe(true);
    expect(checkObservationBatch([{ metric: "error_rate", value: 1, at: "2025-02-29T10:00Z" }], metrics, now).ok).toBe(
      false,
    );
  });

  it("refuses times before 1900", () => {
    expect(
      checkObservationBatch([{ metric: "error_rate", value: 1, at: "0031-12-31T23:59:59Z" }], metrics, now),
    ).toEqual({
      ok: false,
      problems: [{ row: 1, field: "at", message: "must be in the year 1900 or later" }],
    });
  });

  it("allows a few minutes of clock difference", () => {
    expect(
      checkObservationBatch([{ metric: "error_rate", value: 1, at: "2026-12-01T12:05:00Z" }], metrics, now).ok,
    ).toBe(true);
    expect(
      checkObservationBatch([{ metric: "error_rate", value: 1, at: "2026-12-01T12:05:01Z" }], metrics, now).ok,
    ).toBe(false);
  });
});

describe("metric names in a batch", () => {
  it("match whatever their case when the map holds names in lower case", () => {
    const lower = new Map([["error_rate", "m-1"]]);
    const result = checkObservationBatch([{ metric: "Error_Rate", value: 1, at: "2026-12-01T11:00:00Z" }], lower, now);
    expect(result).toMatchObject({ ok: true, observations: [{ metricId: "m-1" }] });
  });
});
