import { type ImpactContent, standardImpactDimensions } from "@openaims/contracts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blankImpactContent, findSubmissionGaps, flattenImpactContent, hashImpactContent } from "./impact-content.js";

/** A complete assessment: every standard dimension rated, one marked not relevant. */
function completeContent(): ImpactContent {
  const content = blankImpactContent();
  content.context = {
    intendedUse: "Answers customer questions about orders.",
    foreseeableMisuse: "Asked for legal or medical advice.",
    affectedParties: "Customers, including older people; support staff.",
    deploymentSetting: "Web chat in the EU, about 5,000 conversations a day.",
  };
  content.dimensions = content.dimensions.map((d) =>
    d.key === "environmental"
      ? { ...d, relevant: false, effect: "Uses a hosted model at low volume." }
      : {
          ...d,
          scopes: ["individuals"],
          severity: "moderate",
          likelihood: "possible",
          effect: "Wrong answers mislead a customer.",
          mitigations: "Hand-over to a person on request.",
          residualLevel: "low",
        },
  );
  content.conclusion = { outcome: "acceptable_with_conditions", summary: "Fine with the hand-over in place." };
  return content;
}

describe("impact content", () => {
  it("starts from every standard dimension", () => {
    expect(blankImpactContent().dimensions.map((d) => d.key)).toEqual([...standardImpactDimensions]);
  });

  it("hashes the same content the same way whatever the key order", () => {
    const content = completeContent();
    const reordered = JSON.parse(
      JSON.stringify({ conclusion: content.conclusion, dimensions: content.dimensions, context: content.context }),
    );
    expect(hashImpactContent(reordered)).toBe(hashImpactContent(content));
    expect(hashImpactContent(content)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes the hash for any change of text", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (extra) => {
        const content = completeContent();
        const changed = completeContent();
        changed.conclusion.summary += extra;
        expect(hashImpactContent(changed)).not.toBe(hashImpactContent(content));
      }),
    );
  });

  it("finds nothing missing in a complete assessment", () => {
    expect(findSubmissionGaps(completeContent())).toEqual([]);
  });

  it("names every gap of a blank draft by its path", () => {
    const fields = findSubmissionGaps(blankImpactContent()).map((g) => g.field);
    expect(fields).toContain("context.intendedUse");
    expect(fields).toContain("dimensions.0.severity");
    expect(fields).toContain("dimensions.8.residualLevel");
    expect(fields).toContain("conclusion.outcome");
  });

  it("needs a reason for an irrelevant dimension and mitigations from moderate severity up", () => {
    const content = completeContent();
    const env = content.dimensions.findIndex((d) => d.key === "environmental");
    const patch = (at: number, change: Partial<ImpactContent["dimensions"][number]>) => {
      content.dimensions = content.dimensions.map((d, i) => (i === at ? { ...d, ...change } : d));
    };
    patch(env, { effect: "" });
    patch(0, { mitigations: "" });
    patch(1, { severity: "minor", mitigations: "" });
    expect(findSubmissionGaps(content).map((g) => g.field)).toEqual([
      "dimensions.0.mitigations",
      `dimensions.${env}.effect`,
    ]);
  });

  it("reports a missing standard dimension", () => {
    const content = completeContent();
    content.dimensions = content.dimensions.filter((d) => d.key !== "privacy");
    expect(findSubmissionGaps(content)).toEqual([{ field: "dimensions", message: "Privacy is missing" }]);
  });
});

describe("flattened content", () => {
  it("names each field by its path", () => {
    const flat = flattenImpactContent(completeContent());
    expect(flat["context.intendedUse"]).toBe("Answers customer questions about orders.");
    expect(flat["dimensions.0.key"]).toBe("fairness");
    expect(flat["dimensions.0.scopes"]).toEqual(["individuals"]);
    expect(flat["conclusion.outcome"]).toBe("acceptable_with_conditions");
  });
});
