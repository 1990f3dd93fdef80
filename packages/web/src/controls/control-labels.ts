import type { EffectiveStatus, EvidenceState, ImplementationStatus } from "@openaims/contracts";

export const implementationLabels: Record<ImplementationStatus, string> = {
  not_started: "Not started",
  planned: "Planned",
  in_progress: "In progress",
  implemented: "Implemented",
};

export const effectiveLabels: Record<EffectiveStatus, string> = {
  not_applicable: "Not applicable",
  not_started: "Not started",
  planned: "Planned",
  in_progress: "In progress",
  implemented: "Implemented",
  implemented_without_evidence: "Implemented, no evidence",
  evidence_expired: "Evidence expired",
};

export const effectiveColors: Record<EffectiveStatus, string> = {
  not_applicable: "gray",
  not_started: "gray",
  planned: "blue",
  in_progress: "cyan",
  implemented: "green",
  implemented_without_evidence: "orange",
  evidence_expired: "red",
};

export const evidenceLabels: Record<EvidenceState, string> = {
  missing: "No evidence",
  current: "Current",
  expired: "Expired",
};

/** "Applicable", "Not applicable" or "Undecided". */
export function applicabilityLabel(applicable: boolean | null): string {
  if (applicable === null) return "Undecided";
  return applicable ? "Applicable" : "Not applicable";
}

/** The nine Annex A areas, for the area filter; titles as published. */
export const annexAAreaOptions = [
  { value: "A.2", label: "A.2 Policies related to AI" },
  { value: "A.3", label: "A.3 Internal organization" },
  { value: "A.4", label: "A.4 Resources for AI systems" },
  { value: "A.5", label: "A.5 Assessing impacts of AI systems" },
  { value: "A.6", label: "A.6 AI system life cycle" },
  { value: "A.7", label: "A.7 Data for AI systems" },
  { value: "A.8", label: "A.8 Information for interested parties of AI systems" },
  { value: "A.9", label: "A.9 Use of AI systems" },
  { value: "A.10", label: "A.10 Third-party and customer relationships" },
  { value: "custom", label: "Custom controls" },
];
