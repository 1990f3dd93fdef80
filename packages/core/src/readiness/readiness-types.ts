import type { CertificationStepId, DocumentKind, SystemImpactState } from "@openaims/contracts";

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
  /** The one action that closes this gap together with its like in other clauses, controls or systems. */
  group: ActionGroup;
}

/**
 * What several gaps have in common: the same act closes all of them ("Approve a risk method
 * document" closes the document gap of 6.1.1, 6.1.2 and 6.1.3).
 */
export interface ActionGroup {
  /** Stable key, e.g. "approve-document:risk_method". */
  key: string;
  /** The act in the imperative, worded for every gap it closes. */
  action: string;
  /** Web path below /o/:orgId where the act is done. */
  path: string;
  step: CertificationStepId;
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
  /** The model assets the system uses now, and how many of them fall short; absent reads as none. */
  models?: ModelSupplyFacts;
  /**
   * For an agent (capability agent_tools): whether it is in deployment or operation, and whether an
   * approved action policy (its own or the organisation default) decides its actions; absent: not an agent.
   */
  agent?: { live: boolean; hasApprovedPolicy: boolean };
}

/**
 * Model assets of one AI system, judged by each model's latest scan: never scanned, a high or critical
 * finding still open, or a signature that is not verified (unsigned, failed or not checked).
 */
export interface ModelSupplyFacts {
  total: number;
  neverScanned: number;
  unresolvedSerious: number;
  unsigned: number;
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
  /** Kinds with at least one live document in any status (drafts included). */
  startedDocumentKinds: ReadonlySet<DocumentKind>;
  /** AIMS processes (responsibility matrix keys) with exactly one accountable person. */
  accountableProcesses: ReadonlySet<string>;
  /** Evidence linked to each clause id. */
  clauseEvidence: ReadonlyMap<string, { current: number; expired: number }>;
  systems: readonly SystemFacts[];
  controls: readonly ControlFacts[];
  soa: { approvedVersions: number; openIssues: number; changedSinceApproval: boolean };
  risks: { total: number; unrated: number; openHighWithoutTreatment: number };
  /** Security test scans: how many AI systems have a finished scan, and nonconformities still open. */
  securityTests: { systemsTested: number; openNonconformities: number };
}
