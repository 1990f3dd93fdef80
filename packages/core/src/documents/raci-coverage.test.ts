import { describe, expect, it } from "vitest";
import { assessRaciCoverage } from "./raci-coverage.js";

describe("RACI coverage", () => {
  it("is covered with exactly one accountable person", () => {
    expect(assessRaciCoverage(["accountable", "responsible", "informed"])).toEqual({ covered: true, gaps: [] });
  });
  it("is not covered without an accountable person", () => {
    expect(assessRaciCoverage([])).toEqual({ covered: false, gaps: ["no_accountable", "no_responsible"] });
    expect(assessRaciCoverage(["responsible", "consulted"])).toEqual({ covered: false, gaps: ["no_accountable"] });
  });
  it("is not covered with two accountable people", () => {
    expect(assessRaciCoverage(["accountable", "accountable", "responsible"])).toEqual({
      covered: false,
      gaps: ["several_accountable"],
    });
  });
  it("reports a missing responsible person without withholding coverage", () => {
    expect(assessRaciCoverage(["accountable"])).toEqual({ covered: true, gaps: ["no_responsible"] });
  });
});
