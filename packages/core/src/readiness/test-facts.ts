import type { ControlFacts, ReadinessFacts, SystemFacts } from "./readiness-types.js";

/** Builders of readiness facts for the unit tests of this folder: a fully ready organisation, then overrides. */
export const system = (over: Partial<SystemFacts> = {}): SystemFacts => ({
  id: "s1",
  slug: "chat",
  name: "Support chat",
  hasOwner: true,
  reviewOverdue: false,
  impactAssessment: "approved",
  openHighRisks: 0,
  riskCount: 3,
  hasAccountable: true,
  ...over,
});

export const control = (over: Partial<ControlFacts> = {}): ControlFacts => ({
  id: "c1",
  ref: "A.2.2",
  title: "AI policy",
  areaId: "A.2",
  applicable: true,
  hasJustification: true,
  hasOwner: true,
  implemented: true,
  evidence: "current",
  ...over,
});

export const facts = (over: Partial<ReadinessFacts> = {}): ReadinessFacts => ({
  approvedDocumentKinds: new Set(["ai_policy"]),
  startedDocumentKinds: new Set(["ai_policy"]),
  accountableProcesses: new Set(["aims_leadership"]),
  clauseEvidence: new Map([["5.2", { current: 1, expired: 0 }]]),
  systems: [system()],
  controls: [control()],
  soa: { approvedVersions: 1, openIssues: 0, changedSinceApproval: false },
  risks: { total: 3, unrated: 0, openHighWithoutTreatment: 0 },
  securityTests: { systemsTested: 1, openNonconformities: 0 },
  ...over,
});
