import { describe, expect, it } from "vitest";
import { bulkStoredOverrideReason, checkBulkApplicability } from "./bulk-applicability.js";

const free = { ref: "A.2.2", applicable: null, openRiskRefs: [] };
const treating = { ref: "A.6.2.4", applicable: true, openRiskRefs: ["R-10", "R-2"] };
const alsoTreating = { ref: "A.10.3", applicable: null, openRiskRefs: ["R-1"] };

describe("checkBulkApplicability", () => {
  it("requires a justification for either decision", () => {
    for (const applicable of [true, false]) {
      const refusal = checkBulkApplicability({ applicable, justification: "  ", overrideReason: null }, [free]);
      expect(refusal).toMatchObject({ kind: "justification_required", field: "justification" });
    }
  });

  it("accepts marking controls applicable whatever risks they treat", () => {
    const decision = { applicable: true, justification: "We run AI systems", overrideReason: null };
    expect(checkBulkApplicability(decision, [free, treating])).toBeNull();
  });

  it("names every control that treats open risks when excluding without an override reason", () => {
    const decision = { applicable: false, justification: "Not in scope", overrideReason: null };
    const refusal = checkBulkApplicability(decision, [treating, free, alsoTreating]);
    expect(refusal).toMatchObject({
      kind: "override_required",
      blocked: [
        { ref: "A.6.2.4", openRiskRefs: ["R-2", "R-10"] },
        { ref: "A.10.3", openRiskRefs: ["R-1"] },
      ],
    });
    expect(refusal?.message).toContain("A.6.2.4 (R-2, R-10); A.10.3 (R-1)");
    expect(checkBulkApplicability({ ...decision, overrideReason: "Risk owner accepts" }, [treating])).toBeNull();
    expect(checkBulkApplicability({ ...decision, overrideReason: "   " }, [treating])?.kind).toBe("override_required");
  });

  it("does not block a control that is already excluded", () => {
    const decision = { applicable: false, justification: "Still not in scope", overrideReason: null };
    expect(checkBulkApplicability(decision, [{ ...treating, applicable: false }])).toBeNull();
  });
});

describe("bulkStoredOverrideReason", () => {
  const exclude = { applicable: false, overrideReason: " Accepted by the risk owner " };

  it("stores the reason only on controls excluded now while treating open risks", () => {
    expect(bulkStoredOverrideReason({ ...treating, overrideReason: null }, exclude)).toBe("Accepted by the risk owner");
    expect(bulkStoredOverrideReason({ ...free, overrideReason: null }, exclude)).toBeNull();
  });

  it("keeps the reason of a control already excluded, and clears it when a control becomes applicable", () => {
    const excluded = { ...treating, applicable: false, overrideReason: "Earlier reason" };
    expect(bulkStoredOverrideReason(excluded, exclude)).toBe("Earlier reason");
    expect(bulkStoredOverrideReason(excluded, { applicable: true, overrideReason: null })).toBeNull();
  });
});
