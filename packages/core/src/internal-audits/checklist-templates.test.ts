import { describe, expect, it } from "vitest";
import { annexAControls } from "../catalogue/annex-a.js";
import { clauses } from "../catalogue/clauses.js";
import { auditableClauseIds, auditTemplateFor, seedChecklist } from "./audit-checklist.js";
import { clauseAuditTemplates } from "./clause-audit-templates.js";
import { controlAuditTemplates } from "./control-audit-templates.js";

const sentences = (text: string) => text.split(/(?<=[.!?])\s+/).filter((part) => part.trim() !== "");

describe("audit checklist templates", () => {
  it("has exactly one template for each clause requirement of 4–10 (each clause without sub-clauses)", () => {
    const leaves = clauses.filter((clause) => !clauses.some((other) => other.parentId === clause.id)).map((c) => c.id);
    expect(leaves).toHaveLength(32);
    expect(auditableClauseIds).toEqual(leaves);
    expect(Object.keys(clauseAuditTemplates).sort()).toEqual([...leaves].sort());
  });

  it("has exactly one template for each of the 38 Annex A controls", () => {
    const ids = annexAControls.map((control) => control.id);
    expect(ids).toHaveLength(38);
    expect(Object.keys(controlAuditTemplates).sort()).toEqual([...ids].sort());
  });

  const all = [
    ...Object.entries(clauseAuditTemplates).map(([id, t]) => ({ id, ...t })),
    ...Object.entries(controlAuditTemplates).map(([id, t]) => ({ id, ...t })),
  ];

  it.each(all)("$id has a procedure of 2–4 sentences and a pass criterion of 1–2", ({ procedure, passCriterion }) => {
    expect(sentences(procedure).length).toBeGreaterThanOrEqual(2);
    expect(sentences(procedure).length).toBeLessThanOrEqual(4);
    expect(sentences(passCriterion).length).toBeGreaterThanOrEqual(1);
    expect(sentences(passCriterion).length).toBeLessThanOrEqual(2);
    for (const text of [procedure, passCriterion]) {
      expect(text.trim()).toBe(text);
      expect(text).toMatch(/[.]$/);
    }
  });

  it("words every procedure and every pass criterion differently", () => {
    const procedures = all.map((t) => t.procedure);
    const criteria = all.map((t) => t.passCriterion);
    expect(new Set(procedures).size).toBe(procedures.length);
    expect(new Set(criteria).size).toBe(criteria.length);
    expect(new Set([...procedures, ...criteria]).size).toBe(procedures.length + criteria.length);
  });

  it("looks templates up by kind and id, and knows no others", () => {
    expect(auditTemplateFor("clause", "9.2.2")?.procedure).toContain("audit programme");
    expect(auditTemplateFor("annex_a", "A.6.2.4")?.procedure).toContain("red-team");
    expect(auditTemplateFor("clause", "A.6.2.4")).toBeUndefined();
    expect(auditTemplateFor("clause", "9.2")).toBeUndefined();
    expect(auditTemplateFor("annex_a", "toString")).toBeUndefined();
  });
});

describe("seeding an audit's checklist", () => {
  it("audits the whole standard when the scope names no clause and no control", () => {
    const items = seedChecklist({ clauseIds: [], controlIds: [] });
    expect(items).toHaveLength(32 + 38);
    expect(items[0]).toMatchObject({ requirementKind: "clause", requirementId: "4.1" });
    expect(items[31]).toMatchObject({ requirementKind: "clause", requirementId: "10.2" });
    expect(items[32]).toMatchObject({ requirementKind: "annex_a", requirementId: "A.2.2", title: "AI policy" });
    expect(items.at(-1)).toMatchObject({ requirementId: "A.10.4", title: "Customers" });
  });

  it("brings every sub-clause of a chosen clause, in document order, then the chosen controls", () => {
    const items = seedChecklist({ clauseIds: ["9", "4.3"], controlIds: ["A.6.2.4", "A.2.2"] });
    expect(items.map((item) => item.requirementId)).toEqual([
      "4.3",
      "9.1",
      "9.2.1",
      "9.2.2",
      "9.3.1",
      "9.3.2",
      "9.3.3",
      "A.2.2",
      "A.6.2.4",
    ]);
    expect(items[2]).toMatchObject({ title: "General", procedure: clauseAuditTemplates["9.2.1"]?.procedure });
  });

  it("does not take 10.1 for 1.0 or 4.1 for 4.10: ids match whole numbers", () => {
    expect(seedChecklist({ clauseIds: ["10"], controlIds: [] }).map((i) => i.requirementId)).toEqual(["10.1", "10.2"]);
    expect(seedChecklist({ clauseIds: [], controlIds: ["A.10.2"] }).map((i) => i.requirementId)).toEqual(["A.10.2"]);
  });

  it("seeds only controls when only controls are chosen", () => {
    const items = seedChecklist({ clauseIds: [], controlIds: ["A.6.2.4"] });
    expect(items).toEqual([expect.objectContaining({ requirementKind: "annex_a", requirementId: "A.6.2.4" })]);
  });
});
