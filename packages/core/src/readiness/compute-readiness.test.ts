import { describe, expect, it } from "vitest";
import { processForClause } from "./clause-processes.js";
import { computeReadiness, coverageOf } from "./compute-readiness.js";
import { control, facts, system } from "./test-facts.js";

const catalogue = {
  clauses: [
    { id: "5.2", title: "AI policy", expectedDocumentKind: "ai_policy" as const },
    { id: "6.1.4", title: "AI system impact assessment" },
  ],
  areas: [{ id: "A.2", title: "Policies related to AI" }],
};

describe("computeReadiness", () => {
  it("covers a clause with an owner, current evidence and the approved document it expects", () => {
    const clause = computeReadiness(facts(), catalogue).clauses[0];
    expect(clause?.coverage).toEqual({ met: 3, total: 3, percent: 100, status: "covered" });
  });

  it("lists what is missing, most severe first, with where to fix it", () => {
    const result = computeReadiness(
      facts({ approvedDocumentKinds: new Set(), clauseEvidence: new Map([["5.2", { current: 0, expired: 2 }]]) }),
      catalogue,
    );
    expect(result.clauses[0]?.coverage.status).toBe("partial");
    const actions = result.gaps.map((g) => g.action);
    expect(actions).toContain("Approve an AI policy document");
    expect(actions).toContain("Renew the expired evidence for clause 5.2");
    expect(result.gaps[0]?.severity).toBe("high");
  });

  it("counts an excluded control as covered only with a justification", () => {
    const excluded = computeReadiness(
      facts({ controls: [control({ applicable: false, implemented: false, evidence: "missing" })] }),
      catalogue,
    );
    expect(excluded.areas[0]?.coverage.status).toBe("covered");
    const unjustified = computeReadiness(
      facts({ controls: [control({ applicable: false, hasJustification: false })] }),
      catalogue,
    );
    expect(unjustified.areas[0]?.coverage.status).toBe("gap");
  });

  it("flags an implemented control whose evidence expired", () => {
    const result = computeReadiness(facts({ controls: [control({ evidence: "expired" })] }), catalogue);
    expect(result.gaps.map((g) => g.action)).toContain("Renew the expired evidence for A.2.2");
  });

  it("flags systems with a stale assessment or open high risks, and the impact clause with them", () => {
    const result = computeReadiness(
      facts({ systems: [system({ impactAssessment: "stale", openHighRisks: 2 })] }),
      catalogue,
    );
    const checks = result.systems[0]?.checks.filter((c) => !c.met).map((c) => c.key);
    expect(checks).toEqual(["impact-assessment", "high-risks"]);
    const impactClause = result.clauses[1];
    expect(impactClause?.checks.find((c) => c.key === "impact-assessed")?.met).toBe(false);
  });

  it("puts custom controls in their own group", () => {
    const result = computeReadiness(
      facts({ controls: [control(), control({ id: "c2", ref: "C-1", areaId: null })] }),
      catalogue,
    );
    expect(result.areas.map((a) => a.id)).toEqual(["A.2", "custom"]);
  });
});

describe("coverageOf and processForClause", () => {
  it("rounds down and treats nothing-to-check as covered", () => {
    expect(coverageOf([]).status).toBe("covered");
    const checks = [
      { key: "a", label: "a", met: true },
      ...Array.from({ length: 2 }, () => ({ key: "b", label: "b", met: false })),
    ];
    expect(coverageOf(checks).percent).toBe(33);
  });

  it("inherits the nearest listed process", () => {
    expect(processForClause("6.1.4")).toBe("impact_assessment");
    expect(processForClause("6.1.2")).toBe("risk_management");
    expect(processForClause("9.2.1")).toBe("internal_audit");
    expect(processForClause("4.3")).toBe("aims_leadership");
  });
});
