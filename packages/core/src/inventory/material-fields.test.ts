import type { SystemValues } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { changedMaterialFields, materialSystemFields } from "./material-fields.js";

const base: SystemValues = {
  name: "Support assistant",
  slug: "support-assistant",
  description: "Answers customer questions",
  purpose: "Shorter waiting times",
  intendedUse: "First-line answers to account questions",
  limitations: "No legal or medical advice",
  ourRole: "deployer",
  lifecycleStage: "operation",
  impactTier: "medium",
  highImpactReasons: [],
  dataCategories: ["personal", "financial"],
  capabilities: ["llm", "retrieval"],
  autonomy: "human_on_the_loop",
  humanOversight: "Agents review flagged chats daily",
  customerFacing: true,
  ownerId: null,
  reviewDate: null,
};

describe("changedMaterialFields", () => {
  it("finds nothing when nothing changed", () => {
    expect(changedMaterialFields(base, { ...base })).toEqual([]);
  });

  it("ignores bookkeeping fields", () => {
    const after = {
      ...base,
      name: "Renamed",
      description: "Other words",
      lifecycleStage: "retired" as const,
      ownerId: "0b6e5e9e-5a2f-4c55-9e7a-3b1c0d9f1a11",
      reviewDate: "2026-01-01",
    };
    expect(changedMaterialFields(base, after)).toEqual([]);
  });

  it("reports each material field that changed, in declaration order", () => {
    const after = { ...base, customerFacing: false, impactTier: "high" as const, intendedUse: "Also refunds" };
    expect(changedMaterialFields(base, after)).toEqual(["intendedUse", "impactTier", "customerFacing"]);
  });

  it("treats lists as sets", () => {
    expect(changedMaterialFields(base, { ...base, dataCategories: ["financial", "personal"] })).toEqual([]);
    expect(changedMaterialFields(base, { ...base, capabilities: ["llm"] })).toEqual(["capabilities"]);
    expect(changedMaterialFields(base, { ...base, highImpactReasons: ["financial"] })).toEqual(["highImpactReasons"]);
  });

  it("covers every field an impact assessment rests on", () => {
    for (const field of materialSystemFields) {
      const changed = { ...base, [field]: Array.isArray(base[field]) ? ["x"] : `${String(base[field])}!` };
      expect(changedMaterialFields(base, changed as SystemValues)).toEqual([field]);
    }
  });
});
