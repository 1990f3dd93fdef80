import { scopeContentSchema } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { renderScopeMarkdown, scopeSubmissionProblem } from "./scope-markdown.js";

const content = scopeContentSchema.parse({
  internalIssues: [{ title: "Small data team", detail: "Two people\nmaintain every model" }],
  externalIssues: [{ title: "EU AI Act" }],
  interestedParties: [
    { name: "Customers", needs: "Explanations of automated decisions", addressedThroughAims: true },
    { name: "Investors", needs: "Growth", addressedThroughAims: false, howAddressed: "Handled by finance" },
  ],
  statement: "The AIMS covers the AI features of the support product.",
  boundaries: "EU offices only.",
  exclusions: [{ item: "Research prototypes", reason: "Never leave the lab" }],
  systemIds: ["11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"],
});

describe("scope as Markdown", () => {
  const text = renderScopeMarkdown("AIMS scope", content, [
    { id: "11111111-1111-4111-8111-111111111111", name: "Support assistant" },
  ]);

  it("renders every part under its heading", () => {
    expect(text).toContain("# AIMS scope\n");
    expect(text).toContain("## Scope statement\n\nThe AIMS covers the AI features of the support product.");
    expect(text).toContain("## Boundaries and applicability\n\nEU offices only.");
    expect(text).toContain("- Support assistant\n- Unknown system 22222222-2222-4222-8222-222222222222");
    expect(text).toContain("- **Small data team**: Two people maintain every model");
    expect(text).toContain("- **EU AI Act**\n");
    expect(text).toContain("(Addressed through the AIMS)");
    expect(text).toContain("(Not addressed through the AIMS — Handled by finance)");
    expect(text).toContain("- **Research prototypes**: Never leave the lab");
  });

  it("says when a part is empty, and is stable for the same content", () => {
    const empty = renderScopeMarkdown("Scope", scopeContentSchema.parse({}), []);
    expect(empty).toContain("_No scope statement yet._");
    expect(empty).toContain("_Nothing is excluded._");
    expect(renderScopeMarkdown("AIMS scope", content, [])).toBe(renderScopeMarkdown("AIMS scope", content, []));
  });

  it("wants a statement and systems (or an exclusion) before review", () => {
    expect(scopeSubmissionProblem(content)).toBeNull();
    expect(scopeSubmissionProblem(scopeContentSchema.parse({}))).toMatch(/scope statement/);
    expect(scopeSubmissionProblem(scopeContentSchema.parse({ statement: "All of it" }))).toMatch(/AI systems/);
  });
});
