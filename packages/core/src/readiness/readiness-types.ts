import type { DocumentKind, SystemImpactState } from "@openaims/contracts";

/** One thing readiness checks; when unmet, `gap` says what to do and where. */
export interface ReadinessCheck {
  key: string;
  label: string;
  met: boolean;
  gap?: ReadinessGap;
}

export interface ReadinessGap {
  /** What to do, in the imperative: "Approve an AI policy document". */
  action: string;
  /** Web path below /o/:orgId where the gap is closed, e.g. "documents". */
  path: string;
  severity: "high" | "medium" | "low";
}

export type ReadinessStatus = "covered" | "partial" | "gap";

/** Facts about one AI system that readiness reads. */
export interface SystemFacts {
  id: string;
  slug: string;
  name: string;
  hasOwner: boolean;
  reviewOverdue: boolean;
  impactAssessment: SystemImpactState;
  openHighRisks: number;
  riskCount: number;
  hasAccountable: boolean;
}

/** Facts about one control record (Annex A or custom). */
export interface ControlFacts {
  id: string;
  ref: string;
  title: string;
  areaId: string | null;
  applicable: boolean | null;
  hasJustification: boolean;
  hasOwner: boolean;
  implemented: boolean;
  evidence: "missing" | "current" | "expired";
}

/** Everything about one organisation that readiness is computed from. */
export interface ReadinessFacts {
  approvedDocumentKinds: ReadonlySet<DocumentKind>;
  /** AIMS processes (responsibility matrix keys) with exactly one accountable person. */
  accountableProcesses: ReadonlySet<string>;
  /** Evidence linked to each clause id. */
  clauseEvidence: ReadonlyMap<string, { current: number; expired: number }>;
  systems: readonly SystemFacts[];
  controls: readonly ControlFacts[];
  soa: { approvedVersions: number; openIssues: number; changedSinceApproval: boolean };
  risks: { total: number; unrated: number; openHighWithoutTreatment: number };
}
