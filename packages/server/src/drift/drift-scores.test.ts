import { describe, expect, it } from "vitest";
import { driftScores, PSI_CRITICAL, PSI_WARNING, psiMetricName } from "./drift-scores.js";
import { driftReportFixture } from "./drift-test-fixtures.js";
import { firstFinishReason } from "./telemetry-window.js";

describe("driftScores", () => {
  it("gives the share of drifted columns and each column's PSI, in report order", () => {
    const scores = driftScores(driftReportFixture(["age", "income"], ["income"]));
    expect(scores.map((s) => [s.sourceKey, s.value, s.warning, s.critical])).toEqual([
      ["drift:share", 0.5, null, 0.5],
      ["drift:psi:age", 0.01, PSI_WARNING, PSI_CRITICAL],
      ["drift:psi:income", 0.4, PSI_WARNING, PSI_CRITICAL],
    ]);
    expect(scores.map((s) => s.name)).toEqual(["Drift share of columns", "Drift PSI age", "Drift PSI income"]);
  });

  it("skips columns without statistics and takes a text column's largest descriptor PSI", () => {
    const report = driftReportFixture(["age", "empty"]);
    const empty = report.columns[1];
    if (!empty) throw new Error("fixture has two columns");
    empty.statistics = null;
    const numeric = report.columns[0]?.statistics;
    if (numeric?.kind !== "numeric") throw new Error("fixture column is numeric");
    report.columns.push({
      ...empty,
      name: "comment",
      kind: "text",
      statistics: {
        kind: "text",
        descriptors: [
          { descriptor: "length", drifted: false, statistics: { ...numeric, psi: { ...numeric.psi, value: 0.05 } } },
          {
            descriptor: "non_ascii_share",
            drifted: true,
            statistics: { ...numeric, psi: { ...numeric.psi, value: 0.3 } },
          },
        ],
      },
    });
    expect(driftScores(report).map((s) => [s.sourceKey, s.value])).toEqual([
      ["drift:share", 0],
      ["drift:psi:age", 0.01],
      ["drift:psi:comment", 0.3],
    ]);
  });

  it("names a metric as the metrics contract allows, keeping the whole column name in its key", () => {
    const long = "c".repeat(300);
    const [, score] = driftScores(driftReportFixture([long]));
    expect(score?.name).toHaveLength(100);
    expect(score?.sourceKey).toBe(`drift:psi:${long}`);
    expect(psiMetricName("Prix (€) : total")).toBe("Drift PSI Prix ___ _ total");
    expect(psiMetricName("äge")).toMatch(/^[A-Za-z0-9][A-Za-z0-9_.\-/ ]*$/);
  });
});

describe("firstFinishReason", () => {
  it("reads a JSON array or a comma-separated list", () => {
    expect(firstFinishReason('["length","stop"]')).toBe("length");
    expect(firstFinishReason("stop, length")).toBe("stop");
    expect(firstFinishReason("[not json")).toBe("");
    expect(firstFinishReason(null)).toBe("");
  });
});
