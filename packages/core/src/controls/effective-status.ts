import type { EffectiveStatus, EvidenceState, ImplementationStatus } from "@openaims/contracts";

/**
 * How a control presents: an excluded control is "not_applicable"; a control claimed as
 * implemented counts as implemented only with current evidence (evidence over assertion), and
 * otherwise presents as "implemented_without_evidence" or "evidence_expired". Undecided controls
 * present their implementation status; their applicability is shown beside it.
 */
export function effectiveStatus(
  applicable: boolean | null,
  implementation: ImplementationStatus,
  evidence: EvidenceState,
): EffectiveStatus {
  if (applicable === false) return "not_applicable";
  if (implementation !== "implemented") return implementation;
  if (evidence === "current") return "implemented";
  return evidence === "expired" ? "evidence_expired" : "implemented_without_evidence";
}
