import type { SystemThreatProfile } from "@openaims/contracts";
import { systemThreatProfileSchema } from "@openaims/contracts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { suggestibleThreatIds, suggestThreats } from "./suggest-threats.js";
import { findThreat, threats } from "./threat-library.js";

const quiet: SystemThreatProfile = {
  ourRole: "provider",
  impactTier: "low",
  dataCategories: [],
  capabilities: [],
  autonomy: "advisory",
  customerFacing: false,
};

function suggestedIds(overrides: Partial<SystemThreatProfile>): string[] {
  return suggestThreats({ ...quiet, ...overrides }).map((s) => s.threatId);
}

describe("suggestThreats", () => {
  it("proposes nothing for a low-impact advisory system without risky attributes", () => {
    expect(suggestThreats(quiet)).toEqual([]);
  });

  it("proposes tool misuse and unsafe automation for an agent with tools", () => {
    const suggested = suggestedIds({ capabilities: ["agent_tools"] });
    expect(suggested).toEqual(expect.arrayContaining(["tool_misuse", "unsafe_automation", "authorization_weaknesses"]));
    expect(suggested).not.toContain("prompt_injection");
  });

  it("proposes prompt injection and over-reliance for a language model", () => {
    expect(suggestedIds({ capabilities: ["llm"] })).toEqual(
      expect.arrayContaining(["prompt_injection", "over_reliance", "system_prompt_leakage"]),
    );
  });

  it("proposes indirect injection only when outside content is read", () => {
    expect(suggestedIds({ capabilities: ["llm"] })).not.toContain("indirect_prompt_injection");
    expect(suggestedIds({ capabilities: ["llm", "retrieval"] })).toContain("indirect_prompt_injection");
  });

  it("proposes membership inference only where models are trained on personal data", () => {
    expect(suggestedIds({ dataCategories: ["health"] })).toEqual(["sensitive_data_exposure"]);
    expect(suggestedIds({ capabilities: ["trains_models"] })).not.toContain("membership_inference");
    const both = suggestedIds({ dataCategories: ["personal"], capabilities: ["trains_models"] });
    expect(both).toEqual(
      expect.arrayContaining(["membership_inference", "training_data_poisoning", "sensitive_data_exposure"]),
    );
  });

  it("maps vendor models, public APIs and predictive models to their threats", () => {
    expect(suggestedIds({ capabilities: ["vendor_model"] })).toEqual([
      "vendor_model_change",
      "supply_chain_compromise",
    ]);
    expect(suggestedIds({ capabilities: ["public_api"] })).toEqual(["ai_api_abuse", "model_extraction"]);
    expect(suggestedIds({ capabilities: ["predictive_ml"] })).toEqual([
      "adversarial_examples",
      "unfair_outcomes",
      "model_drift",
    ]);
  });

  it("proposes over-reliance for high impact and unsafe automation only when the system acts on its own", () => {
    expect(suggestedIds({ impactTier: "high" })).toEqual(["over_reliance"]);
    expect(suggestedIds({ impactTier: "high", autonomy: "human_on_the_loop" })).toEqual([
      "unsafe_automation",
      "over_reliance",
    ]);
    expect(suggestedIds({ autonomy: "autonomous" })).toEqual(["unsafe_automation", "over_reliance"]);
  });

  it("proposes shadow AI for third-party tools the organisation only uses", () => {
    expect(suggestedIds({ ourRole: "user" })).toEqual(["shadow_ai"]);
  });

  it("joins every applicable reason, in rule order, without repeats", () => {
    const [suggestion] = suggestThreats({ ...quiet, dataCategories: ["personal", "confidential_business", "health"] });
    expect(suggestion).toEqual({
      threatId: "sensitive_data_exposure",
      reason: "It processes personal data. It processes confidential business data.",
    });
  });

  it("is deterministic, follows library order and proposes only known threats with a reason", () => {
    const order = threats.map((t) => t.id);
    fc.assert(
      fc.property(
        fc.record({
          ourRole: fc.constantFrom("provider", "deployer", "user"),
          impactTier: fc.constantFrom("low", "medium", "high"),
          dataCategories: fc.subarray(systemThreatProfileSchema.shape.dataCategories.element.options),
          capabilities: fc.subarray(systemThreatProfileSchema.shape.capabilities.element.options),
          autonomy: fc.constantFrom("advisory", "human_in_the_loop", "human_on_the_loop", "autonomous"),
          customerFacing: fc.boolean(),
        }),
        (profile) => {
          const first = suggestThreats(profile);
          expect(suggestThreats(profile)).toEqual(first);
          const positions = first.map((s) => order.indexOf(s.threatId));
          expect(positions.every((p) => p >= 0)).toBe(true);
          expect([...positions].sort((a, b) => a - b)).toEqual(positions);
          for (const s of first) expect(s.reason.length).toBeGreaterThan(10);
        },
      ),
    );
  });

  it("only names threats that exist in the library", () => {
    for (const id of suggestibleThreatIds()) expect(findThreat(id), id).toBeDefined();
  });
});
