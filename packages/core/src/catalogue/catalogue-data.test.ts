import { documentKinds } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { annexAAreas, annexAControls, annexAObjectives } from "./annex-a.js";
import { clauses } from "./clauses.js";
import { clauseGuidance, controlGuidance, findClauseGuidance } from "./guidance/guidance-lookups.js";
import { findAnnexAControl, findClause, isAnnexAControlId, isClauseId } from "./lookups.js";

// biome-ignore format: one line per top-level clause keeps the list readable
const expectedClauseIds = [
  "4", "4.1", "4.2", "4.3", "4.4",
  "5", "5.1", "5.2", "5.3",
  "6", "6.1", "6.1.1", "6.1.2", "6.1.3", "6.1.4", "6.2", "6.3",
  "7", "7.1", "7.2", "7.3", "7.4", "7.5", "7.5.1", "7.5.2", "7.5.3",
  "8", "8.1", "8.2", "8.3", "8.4",
  "9", "9.1", "9.2", "9.2.1", "9.2.2", "9.3", "9.3.1", "9.3.2", "9.3.3",
  "10", "10.1", "10.2",
];

const expectedAreaIds = ["A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8", "A.9", "A.10"];

const expectedObjectiveIds = [
  "A.2.1",
  "A.3.1",
  "A.4.1",
  "A.5.1",
  "A.6.1",
  "A.6.2",
  "A.7.1",
  "A.8.1",
  "A.9.1",
  "A.10.1",
];

// biome-ignore format: one line per area keeps the list readable
const expectedControlIds = [
  "A.2.2", "A.2.3", "A.2.4",
  "A.3.2", "A.3.3",
  "A.4.2", "A.4.3", "A.4.4", "A.4.5", "A.4.6",
  "A.5.2", "A.5.3", "A.5.4", "A.5.5",
  "A.6.1.2", "A.6.1.3", "A.6.2.2", "A.6.2.3", "A.6.2.4", "A.6.2.5", "A.6.2.6", "A.6.2.7", "A.6.2.8",
  "A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6",
  "A.8.2", "A.8.3", "A.8.4", "A.8.5",
  "A.9.2", "A.9.3", "A.9.4",
  "A.10.2", "A.10.3", "A.10.4",
];

describe("ISO/IEC 42001 catalogue", () => {
  it("holds exactly the 43 clause ids of clauses 4–10 in document order", () => {
    expect(clauses).toHaveLength(43);
    expect(clauses.map((c) => c.id)).toEqual(expectedClauseIds);
  });

  it("holds exactly the 9 Annex A areas, 10 objectives and 38 controls", () => {
    expect(annexAAreas.map((a) => a.id)).toEqual(expectedAreaIds);
    expect(annexAObjectives.map((o) => o.id)).toEqual(expectedObjectiveIds);
    expect(annexAControls).toHaveLength(38);
    expect(annexAControls.map((c) => c.id)).toEqual(expectedControlIds);
  });

  it("keeps published titles for sample entries", () => {
    expect(findClause("6.1.2")?.title).toBe("AI risk assessment");
    expect(findClause("9.2.2")?.title).toBe("Internal audit programme");
    expect(findAnnexAControl("A.6.2.4")?.title).toBe("AI system verification and validation");
    expect(findAnnexAControl("A.10.3")?.title).toBe("Suppliers");
    expect(annexAAreas.find((a) => a.id === "A.10")?.title).toBe("Third-party and customer relationships");
  });

  it("gives every entry a non-empty, trimmed title and every objective a summary", () => {
    for (const item of [...clauses, ...annexAAreas, ...annexAControls]) {
      expect(item.title.trim(), item.id).toBe(item.title);
      expect(item.title.length, item.id).toBeGreaterThan(0);
    }
    for (const objective of annexAObjectives) expect(objective.summary.length, objective.id).toBeGreaterThan(10);
  });

  it("links every clause to an existing parent and every control to its own area and objective", () => {
    for (const clause of clauses) {
      if (clause.parentId === null) expect(clause.id).toMatch(/^\d+$/);
      else {
        expect(isClauseId(clause.parentId), clause.id).toBe(true);
        expect(clause.id.startsWith(`${clause.parentId}.`), clause.id).toBe(true);
      }
    }
    for (const control of annexAControls) {
      expect(control.id.startsWith(`${control.areaId}.`), control.id).toBe(true);
      const objective = annexAObjectives.find((o) => o.id === control.objectiveId);
      expect(objective?.areaId, control.id).toBe(control.areaId);
    }
  });

  it("answers lookups for known ids only", () => {
    expect(isClauseId("4.3")).toBe(true);
    expect(isClauseId("A.2.2")).toBe(false);
    expect(isClauseId("11")).toBe(false);
    expect(isAnnexAControlId("A.6.2.4")).toBe(true);
    expect(isAnnexAControlId("A.11.1")).toBe(false);
    expect(isAnnexAControlId("A.6.2")).toBe(false);
    expect(findClause("toString")).toBeUndefined();
    expect(findClauseGuidance("constructor")).toBeUndefined();
  });
});

describe("guidance", () => {
  it("exists for every clause and control and for nothing else", () => {
    expect(Object.keys(clauseGuidance).sort()).toEqual([...expectedClauseIds].sort());
    expect(Object.keys(controlGuidance).sort()).toEqual([...expectedControlIds].sort());
  });

  it("says what is asked, with evidence and pitfalls, for all 81 items", () => {
    for (const [id, guidance] of [...Object.entries(clauseGuidance), ...Object.entries(controlGuidance)]) {
      expect(guidance.asks.length, id).toBeGreaterThan(20);
      expect(guidance.typicalEvidence.length, id).toBeGreaterThan(0);
      expect(guidance.pitfalls.length, id).toBeGreaterThan(0);
      for (const line of [...guidance.typicalEvidence, ...guidance.pitfalls])
        expect(line.trim().length, id).toBeGreaterThan(3);
    }
  });

  it("expects a controlled document only where the clause calls for one", () => {
    const expected = Object.fromEntries(
      Object.entries(clauseGuidance)
        .filter(([, guidance]) => guidance.expectedDocumentKind !== undefined)
        .map(([id, guidance]) => [id, guidance.expectedDocumentKind]),
    );
    expect(expected).toEqual({
      "4.3": "aims_scope",
      "5.2": "ai_policy",
      "6.1.1": "risk_method",
      "6.1.2": "risk_method",
      "6.1.3": "risk_method",
      "6.1.4": "procedure",
      "6.2": "objectives",
    });
    for (const kind of Object.values(expected)) expect(documentKinds).toContain(kind);
  });

  it("gives each control a freshness period between a month and a year", () => {
    for (const [id, guidance] of Object.entries(controlGuidance)) {
      expect(Number.isInteger(guidance.suggestedFreshnessDays), id).toBe(true);
      expect(guidance.suggestedFreshnessDays, id).toBeGreaterThanOrEqual(30);
      expect(guidance.suggestedFreshnessDays, id).toBeLessThanOrEqual(365);
    }
    expect(controlGuidance["A.2.2"]?.suggestedFreshnessDays).toBe(365);
    expect(controlGuidance["A.6.2.6"]?.suggestedFreshnessDays).toBe(90);
  });
});
