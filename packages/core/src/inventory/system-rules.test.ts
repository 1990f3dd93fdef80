import type { SystemValues } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { normaliseSystemValues, systemFieldProblems, systemSlugFromName } from "./system-rules.js";

describe("systemSlugFromName", () => {
  it("turns a name into lower-case words joined by hyphens", () => {
    expect(systemSlugFromName("Customer Support Bot")).toBe("customer-support-bot");
    expect(systemSlugFromName("  Kundenservice-Bot (DE) ")).toBe("kundenservice-bot-de");
    expect(systemSlugFromName("Crédit scoring v2.1")).toBe("credit-scoring-v2-1");
  });

  it("falls back when nothing usable is left, and stays within 80 characters", () => {
    expect(systemSlugFromName("???")).toBe("system");
    const long = systemSlugFromName(`${"a".repeat(79)} b`);
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith("-")).toBe(false);
  });
});

describe("systemFieldProblems", () => {
  it("asks for reasons when the tier is high", () => {
    expect(systemFieldProblems({ impactTier: "high", highImpactReasons: [] })).toEqual([
      expect.objectContaining({ field: "highImpactReasons" }),
    ]);
    expect(systemFieldProblems({ impactTier: "high", highImpactReasons: ["safety"] })).toEqual([]);
    expect(systemFieldProblems({ impactTier: "low", highImpactReasons: [] })).toEqual([]);
  });
});

describe("normaliseSystemValues", () => {
  it("de-duplicates lists and puts them in the order of the allowed values", () => {
    const values = {
      dataCategories: ["health", "personal", "health"],
      capabilities: ["retrieval", "llm"],
      highImpactReasons: ["safety", "eligibility"],
    } as Pick<SystemValues, "dataCategories" | "capabilities" | "highImpactReasons">;
    const normalised = normaliseSystemValues(values as SystemValues);
    expect(normalised.dataCategories).toEqual(["personal", "health"]);
    expect(normalised.capabilities).toEqual(["llm", "retrieval"]);
    expect(normalised.highImpactReasons).toEqual(["eligibility", "safety"]);
  });
});
