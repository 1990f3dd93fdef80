import { z } from "zod";

export const controlKinds = ["annex_a", "custom"] as const;
export const controlKindSchema = z.enum(controlKinds);

export const implementationStatuses = ["not_started", "planned", "in_progress", "implemented"] as const;
export const implementationStatusSchema = z.enum(implementationStatuses);

/** Derived from linked evidence: none linked, at least one current, or all expired. */
export const evidenceStates = ["missing", "current", "expired"] as const;
export const evidenceStateSchema = z.enum(evidenceStates);

/**
 * How a control presents once applicability and evidence are taken into account (evidence over
 * assertion): "implemented" only with current evidence; otherwise "implemented_without_evidence"
 * or "evidence_expired". Excluded controls present as "not_applicable".
 */
export const effectiveStatuses = [
  "not_applicable",
  "not_started",
  "planned",
  "in_progress",
  "implemented",
  "implemented_without_evidence",
  "evidence_expired",
] as const;
export const effectiveStatusSchema = z.enum(effectiveStatuses);
export type EffectiveStatus = z.infer<typeof effectiveStatusSchema>;

export type ImplementationStatus = z.infer<typeof implementationStatusSchema>;
export type EvidenceState = z.infer<typeof evidenceStateSchema>;
export type ControlKind = z.infer<typeof controlKindSchema>;

/** A control's applicability decision as a filter value. */
export const applicabilityStates = ["applicable", "not_applicable", "undecided"] as const;
export const applicabilityStateSchema = z.enum(applicabilityStates, {
  message: "must be applicable, not_applicable or undecided",
});

/** Why a Statement of Applicability cannot be approved yet. */
export const soaIssueKinds = ["undecided", "missing_justification", "excluded_treats_open_risk"] as const;
export const soaIssueKindSchema = z.enum(soaIssueKinds);
