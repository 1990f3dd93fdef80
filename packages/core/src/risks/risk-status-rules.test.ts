import { describe, expect, it } from "vitest";
import {
  acceptanceExpired,
  checkRiskStatusChange,
  initialRiskStatus,
  riskNeedsTreatment,
  todayUtc,
  treatmentActionTransitionAllowed,
} from "./risk-status-rules.js";

describe("risk status rules", () => {
  it("reaches accepted only through an acceptance", () => {
    expect(
      checkRiskStatusChange({ from: "assessed", to: "accepted", hasInherentRating: true, treatmentOption: "retain" }),
    ).toBe("accept_through_acceptance");
    expect(
      checkRiskStatusChange({ from: "accepted", to: "accepted", hasInherentRating: true, treatmentOption: null }),
    ).toBeNull();
  });

  it("needs a rating to be assessed and a treatment option to be treated", () => {
    expect(
      checkRiskStatusChange({ from: "identified", to: "assessed", hasInherentRating: false, treatmentOption: null }),
    ).toBe("needs_rating");
    expect(
      checkRiskStatusChange({ from: "assessed", to: "treating", hasInherentRating: true, treatmentOption: null }),
    ).toBe("needs_treatment_option");
    expect(
      checkRiskStatusChange({ from: "closed", to: "treating", hasInherentRating: true, treatmentOption: "modify" }),
    ).toBeNull();
  });

  it("starts assessed once rated", () => {
    expect(initialRiskStatus(true)).toBe("assessed");
    expect(initialRiskStatus(false)).toBe("identified");
  });

  it("keeps done and cancelled actions final", () => {
    expect(treatmentActionTransitionAllowed("open", "done")).toBe(true);
    expect(treatmentActionTransitionAllowed("in_progress", "cancelled")).toBe(true);
    expect(treatmentActionTransitionAllowed("done", "open")).toBe(false);
    expect(treatmentActionTransitionAllowed("cancelled", "in_progress")).toBe(false);
  });

  it("treats the expiry date as the last covered day", () => {
    expect(acceptanceExpired("2030-01-10", "2030-01-10")).toBe(false);
    expect(acceptanceExpired("2030-01-09", "2030-01-10")).toBe(true);
    expect(todayUtc(new Date("2030-01-10T23:59:00Z"))).toBe("2030-01-10");
  });
});

describe("needs treatment", () => {
  const highUntreated = {
    status: "assessed",
    currentRating: "high",
    acceptableWithoutTreatment: "low",
    treatmentOption: null,
    liveTreatmentActions: 0,
  } as const;

  it("flags a risk rated above the method's threshold with no treatment under way", () => {
    expect(riskNeedsTreatment(highUntreated)).toBe(true);
    expect(riskNeedsTreatment({ ...highUntreated, treatmentOption: "modify" })).toBe(true);
  });

  it("does not flag a risk with a chosen treatment and treatment actions", () => {
    expect(riskNeedsTreatment({ ...highUntreated, treatmentOption: "modify", liveTreatmentActions: 2 })).toBe(false);
    expect(
      riskNeedsTreatment({ ...highUntreated, status: "treating", treatmentOption: "modify", liveTreatmentActions: 1 }),
    ).toBe(false);
  });

  it("still flags a risk whose only actions were cancelled, or that has actions but no chosen option", () => {
    expect(riskNeedsTreatment({ ...highUntreated, treatmentOption: "modify", liveTreatmentActions: 0 })).toBe(true);
    expect(riskNeedsTreatment({ ...highUntreated, liveTreatmentActions: 1 })).toBe(true);
  });

  it("does not flag accepted, closed, unrated or acceptable risks", () => {
    expect(riskNeedsTreatment({ ...highUntreated, status: "accepted" })).toBe(false);
    expect(riskNeedsTreatment({ ...highUntreated, status: "closed" })).toBe(false);
    expect(riskNeedsTreatment({ ...highUntreated, currentRating: null })).toBe(false);
    expect(riskNeedsTreatment({ ...highUntreated, currentRating: "low" })).toBe(false);
  });
});
