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
});
