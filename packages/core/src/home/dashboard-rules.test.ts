import { describe, expect, it } from "vitest";
import { heatMapCells, summariseCoverage, vulnerableRate } from "./dashboard-rules.js";

const check = (met: boolean) => ({ key: "k", label: "l", met });
const coverage = { met: 0, total: 0, percent: 100, status: "covered" as const };

describe("summariseCoverage", () => {
  it("counts the checks of every sub-clause under its main clause, and keeps area coverage", () => {
    const summary = summariseCoverage(
      {
        clauses: [
          { id: "4", title: "4 Context", checks: [], coverage },
          { id: "4.1", title: "4.1 A", checks: [check(true), check(false)], coverage },
          { id: "4.3", title: "4.3 B", checks: [check(true)], coverage },
          { id: "6.1.2", title: "6.1.2 C", checks: [check(false), check(false), check(true)], coverage },
          { id: "10.2", title: "10.2 D", checks: [check(true)], coverage },
        ],
        areas: [
          {
            id: "A.2",
            title: "A.2 Policies related to AI",
            checks: [],
            coverage: { met: 1, total: 3, percent: 33, status: "partial" },
            controls: [],
          },
        ],
      },
      [
        { id: "4", title: "Context of the organization" },
        { id: "1", title: "No such group" },
        { id: "6", title: "Planning" },
        { id: "10", title: "Improvement" },
      ],
    );
    expect(summary.clauses).toEqual([
      { id: "4", title: "Context of the organization", met: 2, total: 3, percent: 66 },
      { id: "1", title: "No such group", met: 0, total: 0, percent: 100 },
      { id: "6", title: "Planning", met: 1, total: 3, percent: 33 },
      { id: "10", title: "Improvement", met: 1, total: 1, percent: 100 },
    ]);
    expect(summary.areas).toEqual([{ id: "A.2", title: "Policies related to AI", met: 1, total: 3, percent: 33 }]);
  });
});

describe("heatMapCells", () => {
  it("lays the counts on every cell of the matrix and drops levels the matrix lacks", () => {
    const cells = heatMapCells(
      [
        ["low", "medium"],
        ["high", "critical"],
      ],
      [
        { likelihood: 2, impact: 1, count: 4 },
        { likelihood: 1, impact: 2, count: 1 },
        { likelihood: 3, impact: 1, count: 9 },
      ],
    );
    expect(cells).toEqual([
      { likelihood: 1, impact: 1, rating: "low", count: 0 },
      { likelihood: 1, impact: 2, rating: "medium", count: 1 },
      { likelihood: 2, impact: 1, rating: "high", count: 4 },
      { likelihood: 2, impact: 2, rating: "critical", count: 0 },
    ]);
  });
});

describe("vulnerableRate", () => {
  it("is a whole percent of cases, and 0 without cases", () => {
    expect(vulnerableRate({ cases: 200, vulnerable: 7 })).toBe(4);
    expect(vulnerableRate({ cases: 3, vulnerable: 1 })).toBe(33);
    expect(vulnerableRate({ cases: 0, vulnerable: 0 })).toBe(0);
  });
});
