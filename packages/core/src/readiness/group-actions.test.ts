import { describe, expect, it } from "vitest";
import { clauseGuidance } from "../catalogue/guidance/guidance-lookups.js";
import { clauses } from "../catalogue/index.js";
import { computeReadiness } from "./compute-readiness.js";
import type { ReadinessFacts, SystemFacts } from "./readiness-types.js";
import { control, facts, system } from "./test-facts.js";

const catalogue = {
  clauses: clauses.map((c) => ({
    id: c.id,
    title: c.title,
    expectedDocumentKind: clauseGuidance[c.id]?.expectedDocumentKind,
  })),
  areas: [
    { id: "A.2", title: "Policies related to AI" },
    { id: "A.6", title: "AI system life cycle" },
  ],
};

const newOrganisation = (over: Partial<ReadinessFacts> = {}) =>
  facts({
    approvedDocumentKinds: new Set(),
    startedDocumentKinds: new Set(),
    accountableProcesses: new Set(),
    clauseEvidence: new Map(),
    systems: [],
    controls: [
      control({ id: "c1", ref: "A.2.2", applicable: null, hasJustification: false }),
      control({ id: "c2", ref: "A.6.2.4", areaId: "A.6", applicable: null, hasJustification: false }),
      control({ id: "c3", ref: "C-1", areaId: null, hasOwner: false, implemented: false, evidence: "missing" }),
    ],
    soa: { approvedVersions: 0, openIssues: 1, changedSinceApproval: false },
    risks: { total: 1, unrated: 1, openHighWithoutTreatment: 1 },
    ...over,
  });

describe("readiness actions", () => {
  it("lists each act once with every clause it serves and the gaps it closes", () => {
    const { actions, gaps } = computeReadiness(newOrganisation(), catalogue);
    const keys = actions.map((a) => a.key);
    expect(new Set(keys).size).toBe(keys.length);
    const method = actions.find((a) => a.key === "approve-document:risk_method");
    expect(method?.action).toBe("Approve a risk method document");
    expect(method?.clauseIds).toEqual(["6.1.1", "6.1.2", "6.1.3"]);
    expect(method?.gapsClosed).toBe(3);
    const leadership = actions.find((a) => a.key === "process-owner:aims_leadership");
    expect(leadership?.action).toBe("Name one accountable person for the AIMS leadership process");
    expect(leadership?.clauseIds).toContain("4.1");
    expect(leadership?.clauseIds).toContain("5.2");
    expect(actions.reduce((sum, a) => sum + a.gapsClosed, 0)).toBe(gaps.length);
  });

  it("serves controls and their Annex A areas together", () => {
    const { actions } = computeReadiness(newOrganisation(), catalogue);
    const decide = actions.find((a) => a.key === "decide-applicability");
    expect(decide).toMatchObject({ controlRefs: ["A.2.2", "A.6.2.4"], areaIds: ["A.2", "A.6"], gapsClosed: 2 });
    const evidence = actions.find((a) => a.key === "control-evidence");
    expect(evidence).toMatchObject({ controlRefs: ["C-1"], areaIds: ["custom"] });
  });

  it("merges the clause and per-system forms of the same act", () => {
    const systems = [
      system({ id: "s1", name: "Chat", riskCount: 0, impactAssessment: "none" }),
      system({ id: "s2", name: "Scoring", riskCount: 0, impactAssessment: "stale" }),
    ];
    const { actions } = computeReadiness(newOrganisation({ systems }), catalogue);
    const threat = actions.find((a) => a.key === "threat-model-systems");
    expect(threat).toMatchObject({ clauseIds: ["6.1.2", "8.2"], systems: ["Chat", "Scoring"], gapsClosed: 4 });
    const impact = actions.find((a) => a.key === "impact-assessments");
    expect(impact).toMatchObject({ clauseIds: ["6.1.4", "8.4"], systems: ["Chat", "Scoring"] });
  });

  it("puts the most severe first, then what closes more gaps", () => {
    const { actions } = computeReadiness(newOrganisation(), catalogue);
    const rank = { high: 0, medium: 1, low: 2 };
    for (let i = 1; i < actions.length; i++) {
      const [before, after] = [actions[i - 1], actions[i]];
      if (!before || !after) continue;
      expect(rank[before.severity]).toBeLessThanOrEqual(rank[after.severity]);
      if (before.severity === after.severity) expect(before.gapsClosed).toBeGreaterThanOrEqual(after.gapsClosed);
    }
    expect(actions[0]?.severity).toBe("high");
  });

  it("asks to register systems when there are none, not to threat-model an empty list", () => {
    const { actions } = computeReadiness(newOrganisation(), catalogue);
    expect(actions.map((a) => a.key)).toContain("register-systems");
    expect(actions.map((a) => a.key)).not.toContain("threat-model-systems");
  });
});

describe("action wording", () => {
  const states: SystemFacts["impactAssessment"][] = ["none", "draft", "submitted", "stale"];
  const worst = (count: number) =>
    newOrganisation({
      clauseEvidence: new Map([["7.5", { current: 0, expired: 1 }]]),
      systems: states.map((state, i) =>
        system({
          id: `s${i}`,
          name: `System ${i}`,
          hasOwner: false,
          reviewOverdue: true,
          impactAssessment: state,
          riskCount: 0,
          openHighRisks: count,
          hasAccountable: false,
        }),
      ),
      controls: [
        control({
          applicable: null,
          hasJustification: false,
          hasOwner: false,
          implemented: false,
          evidence: "expired",
        }),
        control({ id: "c2", ref: "A.6.2.4", hasOwner: false, implemented: false, evidence: "missing" }),
      ],
      soa: { approvedVersions: 0, openIssues: count, changedSinceApproval: true },
      risks: { total: count, unrated: count, openHighWithoutTreatment: count },
    });

  it("never doubles a word or hedges a plural, in any gap or action", () => {
    for (const count of [1, 3]) {
      const result = computeReadiness(worst(count), catalogue);
      const texts = [...result.gaps.map((g) => g.action), ...result.actions.map((a) => a.action)];
      expect(texts.length).toBeGreaterThan(40);
      for (const text of texts) {
        expect(text, text).not.toMatch(/\b(\w+)\s+\1\b/i);
        expect(text, text).not.toMatch(/\(s\)/);
        expect(text, text).not.toMatch(/_/);
        expect(text, text).toMatch(/^[A-Z]/);
      }
    }
  });

  it("counts in words that agree with the number", () => {
    const one = computeReadiness(worst(1), catalogue).gaps.map((g) => g.action);
    expect(one).toContain("Rate the 1 unrated risk");
    const three = computeReadiness(worst(3), catalogue).gaps.map((g) => g.action);
    expect(three).toContain("Rate the 3 unrated risks");
  });
});
