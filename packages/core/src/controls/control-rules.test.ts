import { describe, expect, it } from "vitest";
import { checkApplicability, storedOverrideReason } from "./control-rules.js";

const noRisks = { excludingNow: false, openRiskRefs: [] };

describe("checkApplicability", () => {
  it("accepts an undecided control without a justification", () => {
    expect(checkApplicability({ applicable: null, justification: null, overrideReason: null }, noRisks)).toBeNull();
  });

  it("requires a justification for a decision either way", () => {
    for (const applicable of [true, false]) {
      const refusal = checkApplicability({ applicable, justification: "  ", overrideReason: null }, noRisks);
      expect(refusal).toMatchObject({ kind: "justification_required", field: "justification" });
    }
    expect(
      checkApplicability({ applicable: true, justification: "We train models", overrideReason: null }, noRisks),
    ).toBeNull();
  });

  it("refuses excluding a control that treats open risks unless an override reason comes with it", () => {
    const decision = { applicable: false, justification: "Out of scope", overrideReason: null };
    const refusal = checkApplicability(decision, { excludingNow: true, openRiskRefs: ["R-3", "R-1"] });
    expect(refusal).toMatchObject({ kind: "override_required", openRiskRefs: ["R-1", "R-3"] });
    expect(refusal?.message).toContain("R-1, R-3");
    expect(
      checkApplicability(
        { ...decision, overrideReason: "Risk owner accepts it" },
        { excludingNow: true, openRiskRefs: ["R-1"] },
      ),
    ).toBeNull();
    // No open risk, no override needed.
    expect(checkApplicability(decision, { excludingNow: true, openRiskRefs: [] })).toBeNull();
  });

  it("does not refuse other edits of a control excluded earlier", () => {
    const decision = { applicable: false, justification: "Out of scope", overrideReason: null };
    expect(checkApplicability(decision, { excludingNow: false, openRiskRefs: ["R-1"] })).toBeNull();
  });
});

describe("storedOverrideReason", () => {
  it("keeps the reason only while the control is excluded", () => {
    expect(storedOverrideReason({ applicable: false, justification: "x", overrideReason: " accepted " })).toBe(
      "accepted",
    );
    expect(storedOverrideReason({ applicable: true, justification: "x", overrideReason: "accepted" })).toBeNull();
    expect(storedOverrideReason({ applicable: false, justification: "x", overrideReason: "" })).toBeNull();
  });
});
