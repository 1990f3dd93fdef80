import type { AutonomyLevel, SystemThreatProfile } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { impactFocusHints } from "./impact-focus-hints.js";

describe("impact focus hints", () => {
  it("points a customer-facing agent with personal data at privacy, agency, transparency and security", () => {
    const dimensions = impactFocusHints({
      ourRole: "provider",
      impactTier: "medium",
      dataCategories: ["personal"],
      capabilities: ["llm", "agent_tools", "automated_decisions"],
      autonomy: "human_on_the_loop",
      customerFacing: true,
    }).map((h) => h.dimension);
    expect(dimensions).toEqual(["privacy", "human_agency", "transparency", "accessibility", "security"]);
  });

  it("says nothing special for an internal advisory tool on public data", () => {
    expect(
      impactFocusHints({
        ourRole: "user",
        impactTier: "low",
        dataCategories: ["public"],
        capabilities: ["llm"],
        autonomy: "advisory",
        customerFacing: false,
      }),
    ).toEqual([]);
  });

  describe("the human agency hint follows the system's autonomy and oversight", () => {
    const deciding: Omit<SystemThreatProfile, "autonomy"> = {
      ourRole: "deployer",
      impactTier: "high",
      dataCategories: ["public"],
      capabilities: ["automated_decisions"],
      customerFacing: false,
    };
    const agencyHint = (autonomy: AutonomyLevel, humanOversight?: string) =>
      impactFocusHints({ ...deciding, autonomy, humanOversight }).find((h) => h.dimension === "human_agency")?.hint;

    it("says there is no person in the loop only when the system is autonomous", () => {
      expect(agencyHint("autonomous")).toContain("without a person in the loop");
      for (const autonomy of ["advisory", "human_in_the_loop", "human_on_the_loop"] as const)
        expect(agencyHint(autonomy, "A credit officer reviews each decision.")).not.toContain("without a person");
    });

    it("names what the person does at each level of oversight", () => {
      expect(agencyHint("human_in_the_loop", "Reviewed")).toContain("a person approves one by one");
      expect(agencyHint("human_on_the_loop", "Watched")).toContain("a person watches and can stop it");
      expect(agencyHint("advisory", "Advises")).toContain("a person decides");
    });

    it("asks for the oversight to be described when the inventory claims a person but says nothing more", () => {
      expect(agencyHint("human_in_the_loop", "  ")).toContain("does not yet describe that oversight");
      expect(agencyHint("human_in_the_loop", "Reviewed")).not.toContain("does not yet describe");
      expect(agencyHint("autonomous", "")).not.toContain("does not yet describe");
    });
  });
});
