import { describe, expect, it } from "vitest";
import { annexAAreas, clauses } from "../catalogue/index.js";
import { certificationPath } from "./certification-path.js";
import { certificationSteps } from "./certification-steps.js";
import type { ReadinessFacts } from "./readiness-types.js";
import { control, facts, system } from "./test-facts.js";

const empty = (): ReadinessFacts =>
  facts({
    approvedDocumentKinds: new Set(),
    startedDocumentKinds: new Set(),
    accountableProcesses: new Set(),
    clauseEvidence: new Map(),
    systems: [],
    controls: [control({ applicable: null, hasJustification: false, hasOwner: false, implemented: false })],
    soa: { approvedVersions: 0, openIssues: 2, changedSinceApproval: false },
    risks: { total: 0, unrated: 0, openHighWithoutTreatment: 0 },
    securityTests: { systemsTested: 0, openNonconformities: 0 },
  });

const statusOf = (path: ReturnType<typeof certificationPath>, id: string) =>
  path.steps.find((step) => step.id === id)?.status;

describe("certificationPath", () => {
  it("walks the steps in dependency order, ending with the modules not built yet", () => {
    expect(certificationPath(empty()).steps.map((step) => step.id)).toEqual([
      "scope",
      "policy",
      "roles",
      "inventory",
      "risk-method",
      "risk-assessment",
      "controls",
      "operation",
      "monitoring",
      "internal-audit",
      "management-review",
      "improvement",
    ]);
  });

  it("starts a new organisation at the scope, with the later modules shown as coming, not failed", () => {
    const path = certificationPath(empty());
    expect(path.nextStepId).toBe("scope");
    expect(path.done).toBe(0);
    expect(path.total).toBe(9);
    expect(path.steps.filter((s) => s.status === "coming").map((s) => s.id)).toEqual([
      "internal-audit",
      "management-review",
      "improvement",
    ]);
    const built = path.steps.filter((s) => s.status !== "coming");
    expect(built.every((s) => s.status === "not_started")).toBe(true);
  });

  it("is in progress when some conditions are met and done when all are", () => {
    const drafted = certificationPath(facts({ startedDocumentKinds: new Set(["aims_scope"]) }));
    expect(statusOf(drafted, "scope")).toBe("in_progress");
    const approved = certificationPath(
      facts({ startedDocumentKinds: new Set(["aims_scope"]), approvedDocumentKinds: new Set(["aims_scope"]) }),
    );
    expect(statusOf(approved, "scope")).toBe("done");
    expect(approved.nextStepId).toBe("policy");
  });

  it("does not count an empty inventory as assessed", () => {
    const path = certificationPath(facts({ systems: [] }));
    expect(statusOf(path, "inventory")).toBe("not_started");
    expect(statusOf(path, "risk-assessment")).not.toBe("done");
    expect(path.steps.find((s) => s.id === "inventory")?.place.path).toBe("inventory/systems/new");
  });

  it("links to where the first unmet condition is met", () => {
    const stale = certificationPath(facts({ systems: [system({ impactAssessment: "stale" })] }));
    const step = stale.steps.find((s) => s.id === "risk-assessment");
    expect(step?.status).toBe("in_progress");
    expect(step?.place).toEqual({ label: "impact assessments", path: "impact-assessments" });
  });

  it("sees security tests and monitoring evidence", () => {
    const untested = certificationPath(facts({ securityTests: { systemsTested: 0, openNonconformities: 0 } }));
    expect(statusOf(untested, "monitoring")).toBe("not_started");
    const tested = certificationPath(facts({ clauseEvidence: new Map([["9.1", { current: 1, expired: 0 }]]) }));
    expect(statusOf(tested, "monitoring")).toBe("done");
  });

  it("cites only ids the catalogue knows, and explains every step", () => {
    const known = new Set([...clauses.map((c) => c.id), ...annexAAreas.map((a) => a.id)]);
    for (const step of certificationSteps) {
      for (const id of step.clauseIds) expect(known.has(id), `${step.id} cites ${id}`).toBe(true);
      expect(step.whyItMatters.length).toBeGreaterThan(40);
      expect(step.place.path).not.toMatch(/^\//);
    }
  });
});
