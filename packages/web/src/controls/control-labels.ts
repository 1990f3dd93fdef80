import { type EnumValue, enumLabels } from "@openaims/contracts";

export const implementationLabels = enumLabels.implementationStatus;

export const effectiveLabels = enumLabels.effectiveStatus;

export const evidenceLabels = enumLabels.evidenceState;

/** The applicability decision as its enum value. */
export function applicabilityOf(applicable: boolean | null): EnumValue<"applicabilityState"> {
  if (applicable === null) return "undecided";
  return applicable ? "applicable" : "not_applicable";
}

/** "Applicable", "Not applicable" or "Undecided". */
export function applicabilityLabel(applicable: boolean | null): string {
  return enumLabels.applicabilityState[applicabilityOf(applicable)];
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
